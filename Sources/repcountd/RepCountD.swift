import ArgumentParser
import Logging
import NIOCore
import RepCountCore
import RepCountDaemon
import RepCountIIO
import RepCountProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `repcountd`: the RepCount daemon. Everything it does lives in
/// `RepCountDaemon`; this file only reads the command line.
@main
struct RepCountD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repcountd",
        abstract: "Count reps from an accelerometer and serve them on a local socket.",
        discussion: """
            Reads samples from a live IIO accelerometer (--device, default local:) or
            a replayed recording (--replay), counts reps and times holds, keeps every
            session in an SQLite history, and publishes events to clients on a Unix
            socket (JSON Lines, docs/protocol.md). SIGTERM/SIGINT stop it gracefully;
            SIGHUP reloads the plan file.
            """
    )

    @Option(help: "Unix socket to listen on (default: $RUNTIME_DIRECTORY/repcount.sock, $XDG_RUNTIME_DIR/repcount.sock, or /run/repcount/repcount.sock).")
    var socket: String?

    @Option(help: "Group to give the socket (mode 0660), e.g. repcount.")
    var socketGroup: String?

    @Option(help: "History database (default: $STATE_DIRECTORY/history.db, or $XDG_DATA_HOME/repcount/history.db).")
    var database: String?

    @Option(help: "Plan file, JSON (default: $CONFIGURATION_DIRECTORY/config.json, $XDG_CONFIG_HOME/repcount/config.json or /etc/repcount/config.json if present).")
    var config: String?

    @Option(help: "Live IIO accelerometer: local:[DEVICE], ip:HOST[:PORT][:DEVICE], usb:[BUS.ADDR.INTF][:DEVICE] (default: local:, the only local accelerometer).")
    var device: String?

    @Option(help: "With --device: ask the sensor for this sampling rate, Hz (default: its current rate).")
    var rate: Double?

    @Option(help: "Replay this recording (CSV) instead of reading a live sensor.")
    var replay: String?

    @Option(help: "Replay speed: a factor of real time (1 = real time), or 'max' (or 0) for as fast as possible.")
    var speed: String = "1"

    @Option(help: "Start counting this exercise at once (bridge, bird-dog, wall-sit); for a replay, the recording's own exercise is the default.")
    var exercise: Exercise?

    @Option(help: "Reps per set for --exercise.")
    var reps: Int?

    @Option(name: .customLong("hold"), help: "Hold target in seconds for --exercise.")
    var holdSeconds: Double?

    @Option(help: "Sets for --exercise.")
    var sets: Int?

    @Flag(help: "Start the plan at once.")
    var plan = false

    @Flag(help: "With --replay: do not start a session from the recording's metadata; wait for a client's start.")
    var idle = false

    @Option(help: "Hold the source back until this many clients watch (tests and demos).")
    var waitWatchers = 0

    @Option(help: "Bytes queued for one client beyond which it is dropped as not reading.")
    var clientBacklog = Daemon.Configuration.defaultClientBacklogBytes

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        if replay != nil, device != nil { throw ValidationError("--replay and --device exclude each other") }
        if let rate, !(rate > 0 && rate.isFinite) { throw ValidationError("--rate must be a positive number of Hz") }
        _ = try parsedSpeed()
        if reps != nil || holdSeconds != nil || sets != nil, exercise == nil, replay == nil {
            throw ValidationError("--reps/--hold/--sets need --exercise")
        }
        if plan, exercise != nil { throw ValidationError("--plan and --exercise exclude each other") }
    }

    func parsedSpeed() throws -> Double? {
        if speed == "max" { return nil }
        guard let v = Double(speed), v >= 0, v.isFinite else {
            throw ValidationError("--speed must be a positive number or 'max', got '\(speed)'")
        }
        return v == 0 ? nil : v
    }

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = JournalLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "repcountd")
        let environment = DaemonPaths.Environment.current
        let source: any SampleSource
        if let replay {
            source = try ReplaySource(path: replay, speed: try parsedSpeed())
        } else {
            let address = try DeviceAddress(parsing: device ?? "local:")
            source = IIOSampleSource(configuration: LiveSourceConfiguration(address: address, requestedFrequency: rate))
        }

        let autoStart: Daemon.AutoStart
        if plan {
            autoStart = .plan
        } else if let exercise = exercise ?? (idle ? nil : source.exerciseHint) {
            // A replay counts its recording's exercise unless told otherwise; live, only --exercise starts at once.
            var targets = exercise.defaultTargets
            if let reps { targets.reps = reps }
            if let holdSeconds { targets.holdSeconds = holdSeconds }
            if let sets { targets.sets = sets }
            autoStart = .exercise(exercise, targets)
        } else {
            autoStart = .none
        }
        let configuration = Daemon.Configuration(
            socketPath: socket ?? DaemonPaths.socket(environment),
            socketGroup: socketGroup,
            inheritedSocket: SocketActivation.listeningSocket(),
            databasePath: database ?? DaemonPaths.database(environment),
            planPath: config ?? DaemonPaths.existingConfig(environment),
            autoStart: autoStart,
            waitForWatchers: waitWatchers,
            maximumClientBacklogBytes: clientBacklog)
        logger.info(
            "starting",
            metadata: [
                "socket.path": "\(configuration.socketPath)", "database.path": "\(configuration.databasePath)",
                "config.path": "\(configuration.planPath ?? "built-in plan")", "source.name": "\(source.name)",
            ])
        do {
            try await Daemon.run(configuration: configuration, source: source, logger: logger)
        } catch {
            logger.critical("cannot run", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

extension Exercise: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
