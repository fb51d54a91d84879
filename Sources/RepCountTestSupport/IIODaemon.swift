import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's `iiod` (libiio 0.24) serving the emulated devices of an
/// `IIONamespace` over TCP.
///
/// iiod binds every address of its network namespace; the namespace's only
/// interface is loopback, so it is reachable as `ip:127.0.0.1:PORT` from the
/// namespace's threads and from nowhere else. A non-default port keeps it
/// apart from any iiod the machine runs.
public final class IIODaemon: @unchecked Sendable {
    /// The TCP port (default here 30432; iiod's own default is 30431).
    public let port: UInt16
    private let namespace: IIONamespace
    private var pid: pid_t = 0
    private let logPath: String

    /// The libiio URI of this daemon.
    public var uri: String { "ip:127.0.0.1:\(port)" }

    /// Where iiod lives in Debian's package.
    public static let executable = "/usr/sbin/iiod"

    /// Starts iiod in `namespace` and waits until it accepts connections.
    public init(namespace: IIONamespace, port: UInt16 = 30432) throws {
        self.namespace = namespace
        self.port = port
        self.logPath = NSTemporaryDirectory() + "repcount-iiod-\(getpid())-\(port).log"
        try start()
    }

    deinit {
        stop()
        unlink(logPath)
    }

    /// Starts (or restarts) the daemon.
    public func start() throws {
        let port = self.port
        let log = logPath
        pid = try namespace.perform {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            let args = [Self.executable, "-p", "\(port)"]
            var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            var envp: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/sbin:/usr/bin:/sbin:/bin"), nil]
            defer { for e in envp { free(e) } }
            var child: pid_t = 0
            let ret = posix_spawn(&child, Self.executable, &actions, nil, &argv, &envp)
            if ret != 0 { throw HarnessError.system(call: "posix_spawn(\(Self.executable))", message: String(cString: strerror(ret))) }
            return child
        }
        try waitUntilListening()
    }

    /// Kills the daemon (SIGKILL: as abrupt as a crash or a pulled cable)
    /// and reaps it.
    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        pid = 0
    }

    /// The daemon's output so far (for failure messages).
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Seconds to wait for iiod to listen: it scans the devices first, which
    /// takes milliseconds; five seconds leaves room for a loaded CI machine.
    static let startTimeout = 5.0

    private func waitUntilListening() throws {
        let port = self.port
        let deadline = Date().addingTimeInterval(Self.startTimeout)
        while Date() < deadline {
            let ok: Bool = try namespace.perform {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                defer { Glibc.close(fd) }
                var addr = sockaddr_in()
                addr.sin_family = sa_family_t(AF_INET)
                addr.sin_port = port.bigEndian
                addr.sin_addr.s_addr = inet_addr("127.0.0.1")
                return withUnsafePointer(to: &addr) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    }
                }
            }
            if ok { return }
            usleep(20_000)
        }
        throw HarnessError.timeout("iiod on 127.0.0.1:\(port); log: \(log)")
    }
}
