import Logging
import NIOCore
import NIOPosix
import RepCountProtocol
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Unix socket the clients connect to, as a service: it binds (or takes
/// the socket systemd passed in), tells systemd it is ready, serves until
/// graceful shutdown, then closes the listener and every connection.
final class SocketServer: Service {
    private let configuration: Daemon.Configuration
    private let group: EventLoopGroup
    private let engine: Engine
    private let hub: EventHub
    private let notifier: SystemdNotifier
    private let logger: Logger

    init(configuration: Daemon.Configuration, group: EventLoopGroup, engine: Engine, hub: EventHub, notifier: SystemdNotifier, logger: Logger) {
        self.configuration = configuration
        self.group = group
        self.engine = engine
        self.hub = hub
        self.notifier = notifier
        self.logger = logger
    }

    func run() async throws {
        let connections = Atomic<Int>(0)
        let engine = self.engine
        let hub = self.hub
        let logger = self.logger
        let backlog = configuration.maximumClientBacklogBytes
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(
                .writeBufferWaterMark, value: WriteBufferWaterMark(low: backlog / 2, high: backlog))
            .childChannelInitializer { channel in
                let n = connections.wrappingAdd(1, ordering: .relaxed).newValue
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ConnectionHandler(engine: engine, hub: hub, logger: logger, connection: n))
                }
            }
        let channel: Channel
        let description: String
        if let fd = configuration.inheritedSocket {
            channel = try await bootstrap.withBoundSocket(fd).get()
            description = "socket from systemd (fd \(fd))"
        } else {
            try SocketFile.prepare(path: configuration.socketPath)
            channel = try await bootstrap.bind(unixDomainSocketPath: configuration.socketPath).get()
            try SocketFile.setPermissions(path: configuration.socketPath, group: configuration.socketGroup)
            description = configuration.socketPath
        }
        logger.info("listening", metadata: ["socket.path": "\(description)"])
        notifier.ready(status: "listening on \(description)")

        // Serve until asked to stop; then close the listener and the clients.
        try? await gracefulShutdown()
        logger.info("closing the socket")
        try? await channel.close()
        if configuration.inheritedSocket == nil { unlink(configuration.socketPath) }
    }
}

/// Getting the socket file ready: a stale file from a crash is removed, a
/// live daemon or a non-socket file is refused.
enum SocketFile {
    static func prepare(path: String) throws(DaemonError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // Nothing there: fine.
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw .socketPathTaken(path: path, reason: "exists and is not a socket")
        }
        if isListening(path: path) {
            throw .socketPathTaken(path: path, reason: "another daemon is listening on it")
        }
        // Nobody listens: left over from a daemon that died. Safe to replace.
        guard unlink(path) == 0 else {
            throw .socketPathTaken(path: path, reason: "stale socket could not be removed: \(String(cString: strerror(errno)))")
        }
    }

    /// Whether a `connect` to `path` succeeds. The corresponding C function is `connect`.
    static func isListening(path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }

    /// Mode 0660 and, if given, the group: only the owner and the group may
    /// connect (connecting needs write permission on a Unix socket).
    static func setPermissions(path: String, group: String?) throws(DaemonError) {
        if let group {
            guard let entry = getgrnam(group) else { throw .unknownGroup(group) }
            guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else {
                throw .socketPermissions(path: path, call: "chown", reason: String(cString: strerror(errno)))
            }
        }
        guard chmod(path, 0o660) == 0 else {
            throw .socketPermissions(path: path, call: "chmod", reason: String(cString: strerror(errno)))
        }
    }
}
