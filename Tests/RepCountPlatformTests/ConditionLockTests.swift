import RepCountPlatform
import Testing

@Suite struct ConditionLockTests {
    /// State that only ever changes with `lock` held.
    private final class Shared: @unchecked Sendable {
        let lock = ConditionLock()
        var counter = 0
        var finishedThreads = 0
    }

    /// Threads that increment a plain counter under the lock lose no increment
    /// (without mutual exclusion the read-modify-write races), and a waiter
    /// woken by `broadcast` sees every thread's work once all have finished.
    @Test func excludesAndWakesTheWaiter() {
        let threads = 4
        let incrementsPerThread = 20_000
        let shared = Shared()
        for i in 0..<threads {
            DetachedThread.start(name: "lock.test\(i)") {
                for _ in 0..<incrementsPerThread {
                    shared.lock.lock()
                    shared.counter += 1
                    shared.lock.unlock()
                }
                shared.lock.lock()
                shared.finishedThreads += 1
                shared.lock.broadcast()
                shared.lock.unlock()
            }
        }
        shared.lock.lock()
        // `wait` may wake spuriously, so it is called in a loop on the condition.
        while shared.finishedThreads < threads { shared.lock.wait() }
        let counter = shared.counter
        shared.lock.unlock()
        #expect(counter == threads * incrementsPerThread)
    }

    /// A value handed from one thread to another through wait/broadcast arrives
    /// in order, none lost or repeated (the prefetching reader's hand-over).
    @Test func handsValuesOverInOrder() {
        final class Slot: @unchecked Sendable {
            let lock = ConditionLock()
            var value: Int?
            var received: [Int] = []
        }
        let slot = Slot()
        let count = 1_000
        DetachedThread.start(name: "lock.producer") {
            for i in 0..<count {
                slot.lock.lock()
                while slot.value != nil { slot.lock.wait() }
                slot.value = i
                slot.lock.broadcast()
                slot.lock.unlock()
            }
        }
        slot.lock.lock()
        while slot.received.count < count {
            while slot.value == nil { slot.lock.wait() }
            slot.received.append(slot.value!)
            slot.value = nil
            slot.lock.broadcast()
        }
        let received = slot.received
        slot.lock.unlock()
        #expect(received == Array(0..<count))
    }
}
