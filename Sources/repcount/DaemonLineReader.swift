import Foundation
import RepCountTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The connection to the daemon on its own thread: connect, subscribe, read
/// lines, and on failure report it and try again with a growing delay.
///
/// It reads the socket itself rather than through `RepCountClient.DaemonConnection`
/// because `watch --json` passes every line on byte for byte, the hello included
/// (which `DaemonConnection` consumes and parses), and a plain thread keeps reading
/// while the watch loop is blocked writing to a slow terminal.
final class DaemonLineReader: @unchecked Sendable {
    let path: String
    let sendStatus: Bool
    let reconnect: Bool
    let sink: AsyncStream<WatchSession.Input>.Continuation

    init(path: String, sendStatus: Bool, reconnect: Bool, sink: AsyncStream<WatchSession.Input>.Continuation) {
        self.path = path
        self.sendStatus = sendStatus
        self.reconnect = reconnect
        self.sink = sink
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "repcount-watch-socket"
        thread.start()
    }

    private func loop() {
        var attempt = 0
        var delay = WatchSession.firstRetryDelay
        while true {
            let reason: String
            switch UnixSocket.connect(path: path) {
            case .failure(let error):
                reason = error.description
            case .success(let socket):
                attempt = 0
                delay = WatchSession.firstRetryDelay
                var request = "{\"id\":\"watch\",\"request\":\"watch\"}\n"
                if sendStatus { request += "{\"id\":\"status\",\"request\":\"status\"}\n" }
                if socket.send(request) {
                    socket.readLines { self.sink.yield(.line($0)) }
                }
                socket.close()
                reason = "connection closed"
            }
            attempt += 1
            if !reconnect {
                sink.yield(.unreachable(reason))
                return
            }
            sink.yield(.connection(.disconnected(endpoint: path, reason: reason, attempt: attempt, retryAt: Monotonic.now() + delay)))
            Thread.sleep(forTimeInterval: delay)
            delay = min(WatchSession.maximumRetryDelay, delay * 2)
        }
    }
}

/// `close(2)` and `connect(2)`, named apart from `UnixSocket`'s methods.
private func systemClose(_ fd: Int32) { _ = close(fd) }
private func systemConnect(_ fd: Int32, _ addr: UnsafePointer<sockaddr>, _ len: socklen_t) -> Int32 { connect(fd, addr, len) }

/// A connected Unix stream socket, read line by line.
struct UnixSocket {
    let fd: Int32

    /// Why a connection failed: the call and its errno text.
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String {
            switch code {
            case ENOENT: "no socket file"
            case ECONNREFUSED: "connection refused"
            case EACCES: "permission denied"
            default: "\(call): \(String(cString: strerror(code)))"
            }
        }
    }

    static func connect(path: String) -> Result<UnixSocket, Failure> {
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return .failure(Failure(call: "socket", code: errno)) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard bytes.count < capacity else {
            systemClose(fd)
            return .failure(Failure(call: "connect", code: ENAMETOOLONG))
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let e = errno
            systemClose(fd)
            return .failure(Failure(call: "connect", code: e))
        }
        return .success(UnixSocket(fd: fd))
    }

    func send(_ text: String) -> Bool { TTY.write(text, to: fd) }

    /// Calls `onLine` for each line until the peer closes or an error occurs.
    func readLines(_ onLine: (String) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            pending.append(contentsOf: buffer[0..<n])
            while let nl = pending.firstIndex(of: UInt8(ascii: "\n")) {
                onLine(String(decoding: pending[..<nl], as: UTF8.self))
                pending.removeSubrange(...nl)
            }
        }
    }

    func close() { systemClose(fd) }
}
