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

    /// Runs `body` on a detached thread named `name` and returns what it returned.
    private static func onDetachedThread<T: Sendable>(named name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DetachedThread.start(name: name) { continuation.resume(returning: body()) }
        }
    }

    @Test func runsTheBodyOnANewThreadWithItsName() async {
        let caller = pthread_self()
        let (name, sameThread) = await Self.onDetachedThread(named: "repcount.test") {
            (Self.currentThreadName(), pthread_equal(pthread_self(), caller) != 0)
        }
        #expect(name == "repcount.test")
        #expect(!sameThread)
    }

    @Test func aLongNameIsCutToWhatLinuxKeeps() async {
        let name = await Self.onDetachedThread(named: "repcount.a-very-long-thread-name") { Self.currentThreadName() }
        #expect(name == "repcount.a-very")
        #expect(name.utf8.count == DetachedThread.maximumNameBytes)
    }

    @Test func manyThreadsEachRunTheirOwnBody() async {
        let count = 16
        let names = await withTaskGroup(of: String.self) { group in
            for i in 0..<count {
                group.addTask { await Self.onDetachedThread(named: "t\(i)") { Self.currentThreadName() } }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(names == Set((0..<count).map { "t\($0)" }))
    }
}

extension String {
    fileprivate func trimmingSuffixNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
