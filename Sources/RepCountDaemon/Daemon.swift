import Logging
import NIOCore
import NIOPosix
import RepCountCore
import RepCountStore
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Assembles and runs the daemon: history store, engine, socket server and
/// sample source under one `ServiceGroup` (SIGTERM/SIGINT shut it down
/// gracefully, SIGHUP reloads the plan).
public enum Daemon {
    /// What the `hello` says the server is.
    public static let serverName = "repcountd"

    /// Everything `repcountd`'s command line decides.
    public struct Configuration: Sendable {
        /// Where to listen (ignored when `inheritedSocket` is set).
        public var socketPath: String
        /// Group given to the socket file; `nil` keeps the daemon's own.
        public var socketGroup: String?
        /// A listening socket passed by systemd socket activation (`LISTEN_FDS`).
        public var inheritedSocket: NIOBSDSocket.Handle?
        public var databasePath: String
        /// The plan file; `nil` for the built-in plan.
        public var planPath: String?
        /// A session to start at once, if any.
        public var autoStart: AutoStart
        /// Hold the source back until this many clients watch (tests, demos).
        public var waitForWatchers: Int
        /// Outbound bytes queued for one client beyond which it counts as not
        /// reading and is dropped. 256 KiB holds thousands of events: a client
        /// that is merely busy for a moment catches up; one that stopped
        /// reading costs the daemon at most this much.
        public var maximumClientBacklogBytes: Int

        public static let defaultClientBacklogBytes = 256 * 1024

        public init(
            socketPath: String, socketGroup: String? = nil, inheritedSocket: NIOBSDSocket.Handle? = nil, databasePath: String,
            planPath: String? = nil, autoStart: AutoStart = .none, waitForWatchers: Int = 0,
            maximumClientBacklogBytes: Int = defaultClientBacklogBytes
        ) {
            self.socketPath = socketPath
            self.socketGroup = socketGroup
            self.inheritedSocket = inheritedSocket
            self.databasePath = databasePath
            self.planPath = planPath
            self.autoStart = autoStart
            self.waitForWatchers = waitForWatchers
            self.maximumClientBacklogBytes = maximumClientBacklogBytes
        }
    }

    /// What to count from the moment the daemon starts.
    public enum AutoStart: Sendable, Equatable {
        /// Nothing until a client sends `start`.
        case none
        /// One exercise with optional targets (defaults: its prescription).
        case exercise(Exercise, Targets?)
        /// The plan from its first step.
        case plan
    }

    /// Runs until SIGTERM/SIGINT. Throws if it cannot start (bad database,
    /// socket taken, bad plan file).
    public static func run(configuration: Configuration, source: any SampleSource, logger: Logger) async throws {
        // Files the daemon creates (socket, database) are for its owner and group only.
        umask(0o007)
        try makeParentDirectory(of: configuration.databasePath)
        if configuration.inheritedSocket == nil { try makeParentDirectory(of: configuration.socketPath) }

        let store = try HistoryStore(path: configuration.databasePath)
        let interrupted = try store.closeInterruptedSessions()
        if interrupted > 0 {
            logger.warning("closed sessions left open by an earlier crash", metadata: ["session.count": "\(interrupted)"])
        }
        let plan = try configuration.planPath.map { path throws(ConfigurationError) in try Plan.load(path: path) } ?? .standard

        // One event-loop thread serves every client: fan-out is one hop, and
        // a few hundred local connections are far from filling a core.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let hub = EventHub(eventLoop: group.next())
        let notifier = SystemdNotifier.fromEnvironment()
        let engine = Engine(
            store: store, hub: hub, plan: plan, sourceName: source.name, placementHint: source.placementHint,
            notifier: notifier, logger: logger)
        switch configuration.autoStart {
        case .none: break
        case let .exercise(exercise, targets):
            await engine.startSession(
                Plan.Step(exercise: exercise, placement: source.placementHint, targets: targets), planStep: nil)
        case .plan:
            await engine.startSession(plan.steps[0], planStep: 0)
        }

        let server = SocketServer(configuration: configuration, group: group, engine: engine, hub: hub, notifier: notifier, logger: logger)
        let pipeline = PipelineService(source: source, engine: engine, hub: hub, configuration: configuration, notifier: notifier, logger: logger)
        // Shutdown runs in reverse order: the pipeline ends the session (and
        // publishes its end) while the server still has its clients.
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server), .init(service: pipeline)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await services.run()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
        logger.info("stopped")
    }

    /// `mkdir -p` of a file's directory (mode 0750 for directories it makes).
    static func makeParentDirectory(of path: String) throws(DaemonError) {
        let parts = path.split(separator: "/").dropLast()
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in parts {
            prefix += "/\(part)"
            if mkdir(prefix, 0o750) != 0, errno != EEXIST {
                throw .cannotCreateDirectory(path: prefix, reason: String(cString: strerror(errno)))
            }
        }
    }
}
