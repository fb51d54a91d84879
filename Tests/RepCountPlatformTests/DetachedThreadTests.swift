import Dispatch
import RepCountPlatform
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct DetachedThreadTests {
    /// The calling thread's name as the kernel keeps it (`/proc/thread-self/comm`, without the newline).
    private static func currentThreadName() -> String {
        let fd = open("/proc/thread-self/comm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "open failed: \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return "read failed" }
        return String(decoding: buffer[..<n], as: UTF8.self).trimmingSuffixNewline()
    }

    /// Starts `body` on a detached thread named `name`; `value()` waits for what it returned.
    ///
    /// Waits on a semaphore, not on an async continuation: other suites block
    /// threads of the small cooperative pool, and a continuation would wait
    /// for one of them to come free.
    private final class Run<T: Sendable>: @unchecked Sendable {
        private var result: T?
        private let done = DispatchSemaphore(value: 0)

        init(named name: String, _ body: @escaping @Sendable () -> T) {
            DetachedThread.start(name: name) { [self] in
                result = body()
                done.signal()
            }
        }

        /// What `body` returned; `signal`/`wait` order the write before this read.
        func value() -> T {
            done.wait()
            return result!
        }
    }

    @Test func runsTheBodyOnANewThreadWithItsName() {
        let caller = pthread_self()
        let (name, sameThread) = Run(named: "repcount.test") {
            (Self.currentThreadName(), pthread_equal(pthread_self(), caller) != 0)
        }.value()
        #expect(name == "repcount.test")
        #expect(!sameThread)
    }

    @Test func aLongNameIsCutToWhatLinuxKeeps() {
        let name = Run(named: "repcount.a-very-long-thread-name") { Self.currentThreadName() }.value()
        #expect(name == "repcount.a-very")
        #expect(name.utf8.count == DetachedThread.maximumNameBytes)
    }

    @Test func manyThreadsEachRunTheirOwnBody() {
        let count = 16
        let runs = (0..<count).map { i in Run(named: "t\(i)") { Self.currentThreadName() } }
        #expect(runs.map { $0.value() } == (0..<count).map { "t\($0)" })
    }
}

extension String {
    fileprivate func trimmingSuffixNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
