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
                .writeBufferWaterMark, value: ChannelOptions.Types.WriteBufferWaterMark(low: backlog / 2, high: backlog))
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
            // Resolve the group first: a bad name must not leave a socket file behind.
            let gid = try configuration.socketGroup.map { name throws(DaemonError) in try SocketFile.groupID(name) }
            try SocketFile.prepare(path: configuration.socketPath)
            // bind() creates the file with mode 0777 & ~umask: with 0117 it is
            // 0660 from its first instant, before the chmod below confirms it.
            let previousMask = umask(0o117)
            defer { umask(previousMask) }
            channel = try await bootstrap.bind(unixDomainSocketPath: configuration.socketPath).get()
            do {
                try SocketFile.setPermissions(path: configuration.socketPath, group: gid)
            } catch {
                try? await channel.close()
                unlink(configuration.socketPath)
                throw error
            }
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
