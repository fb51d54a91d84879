import Foundation
import Testing

@testable import RepCountDaemon

@Suite struct SystemdNotifierTests {
    @Test func sendsOneDatagramToAPathSocket() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let receiver = try DatagramReceiver(path: "\(dir)/notify")
        let notifier = SystemdNotifier(socketPath: "\(dir)/notify", watchdogInterval: nil)
        #expect(notifier.send("READY=1\nSTATUS=testing"))
        #expect(receiver.receive(timeout: 5) { _ in true } == "READY=1\nSTATUS=testing")
        notifier.watchdog()
        #expect(receiver.receive(timeout: 5) { _ in true } == "WATCHDOG=1")
    }

    @Test func withoutASocketNothingIsSent() {
        #expect(!SystemdNotifier(socketPath: nil, watchdogInterval: nil).send("READY=1"))
        // Nobody listens there: sending fails and says so, without throwing or crashing.
        #expect(!SystemdNotifier(socketPath: "/tmp/no-such-notify-\(getpid())", watchdogInterval: nil).send("READY=1"))
        // Longer than sun_path holds.
        #expect(!SystemdNotifier(socketPath: "/" + String(repeating: "x", count: 200), watchdogInterval: nil).send("READY=1"))
    }

    @Test func abstractNamespaceSocketsAreAddressedWithoutTheAt() throws {
        let name = "repcount-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = [0] + Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        try #require(bound == 0)
        #expect(SystemdNotifier(socketPath: "@" + name, watchdogInterval: nil).send("STOPPING=1"))
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        #expect(n == 10)
        #expect(String(decoding: buffer[0..<max(0, n)], as: UTF8.self) == "STOPPING=1")
    }
}
