#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Speaks systemd's notification protocol (`sd_notify(3)`): newline-separated
/// `KEY=VALUE` assignments in one datagram to the Unix socket named by
/// `$NOTIFY_SOCKET`. Written out here because it is a few lines of socket
/// code and not worth a dependency on libsystemd.
///
/// Without `$NOTIFY_SOCKET` (not started by systemd) every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket path; a leading `@` means the abstract namespace.
    public let socketPath: String?
    /// How often systemd expects `WATCHDOG=1` (`$WATCHDOG_USEC`), if at all.
    public let watchdogInterval: Duration?

    public init(socketPath: String?, watchdogInterval: Duration?) {
        self.socketPath = socketPath
        self.watchdogInterval = watchdogInterval
    }

    /// Reads `$NOTIFY_SOCKET`, `$WATCHDOG_USEC` and `$WATCHDOG_PID` (the
    /// watchdog applies only if the PID is ours or not given).
    public static func fromEnvironment() -> SystemdNotifier {
        let path = getenv("NOTIFY_SOCKET").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var interval: Duration?
        if let usec = getenv("WATCHDOG_USEC").map({ String(cString: $0) }).flatMap(Int64.init), usec > 0 {
            let pid = getenv("WATCHDOG_PID").map { String(cString: $0) }.flatMap(Int32.init)
            if pid == nil || pid == getpid() { interval = .microseconds(usec) }
        }
        return SystemdNotifier(socketPath: path, watchdogInterval: interval)
    }

    /// `READY=1`: start-up finished (sent once the socket listens).
    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    /// `STATUS=...`: a one-line state shown by `systemctl status`.
    public func status(_ text: String) { send("STATUS=\(text)") }
    /// `WATCHDOG=1`: the service is alive.
    public func watchdog() { send("WATCHDOG=1") }
    /// `RELOADING=1`: a reload (SIGHUP) began; `ready` ends it.
    public func reloading() { send("RELOADING=1") }
    /// `STOPPING=1`: shutdown began.
    public func stopping() { send("STOPPING=1") }

    /// Sends one datagram; returns `false` if there is no socket or sending failed.
    /// The corresponding C functions are `socket(AF_UNIX, SOCK_DGRAM)` and `sendto`.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        if abstract { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            if !abstract { raw[pathBytes.count] = 0 }
        }
        // An abstract address has no terminating NUL; its length is exact.
        let length = MemoryLayout<sa_family_t>.size + pathBytes.count + (abstract ? 0 : 1)
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bytes.withUnsafeBytes { buffer in
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), sa, socklen_t(length))
                }
            }
        }
        return sent == bytes.count
    }
}
