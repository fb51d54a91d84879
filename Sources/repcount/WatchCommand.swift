import ArgumentParser
import Dispatch
import Foundation
import RepCountCore
import RepCountTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `repcount watch`: the live view used from the exercise mat.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the session in progress, live: reps, hold timer, rest, sensor.",
        discussion: """
            On a terminal, draws a full-screen view readable from the mat: the exercise
            and side, the rep count of the set in large digits, a hold bar that fills
            toward the target and turns green when it is reached, the countdown of the
            rest between sets, the last reps' holds and the sensor's state. The view
            follows the terminal's size. A bell (or the configured cue command) sounds
            when a hold reaches its target and when a set ends.

            When standard output is not a terminal, or with --plain, prints one line per
            event instead. --json passes the daemon's events through unchanged (JSON
            Lines, see docs/protocol.md).

            If the daemon is not running or restarts, watch says so and reconnects by
            itself (after 0.5 s, then doubling up to 5 s). Press q or Ctrl-C to quit.

            Cue command: set "cue_command" in the config file (default
            ~/.config/repcount/config.json, then /etc/repcount/config.json), e.g.
              {"cue_command": "paplay /usr/share/sounds/freedesktop/stereo/complete.oga"}
            It runs through /bin/sh with REPCOUNT_CUE=target or REPCOUNT_CUE=set.

            Examples:
              repcount watch                      full screen on this terminal
              repcount watch --plain              one line per event
              repcount watch --json | jq .        raw events
              repcount watch --no-cue             silent
              NO_COLOR=1 repcount watch           no colours
            """
    )

    @OptionGroup var daemon: DaemonOptions

    @Flag(help: "One line per event instead of the full-screen view.")
    var plain = false

    @Flag(help: "Print the daemon's events as received (JSON Lines).")
    var json = false

    @Flag(help: "No bell and no cue command.")
    var noCue = false

    @Option(help: ArgumentHelp("Shell command run as the audible cue instead of the bell.", valueName: "command"))
    var cueCommand: String?

    @Option(help: ArgumentHelp("Rest between sets counted down on screen, seconds.", valueName: "seconds"))
    var rest: Double = LiveViewModel.prescribedRestSeconds

    @Option(help: ArgumentHelp("Config file to read cue_command from.", valueName: "path"))
    var config: String?

    @Flag(help: "Exit (status 69) instead of retrying when the daemon cannot be reached.")
    var noReconnect = false

    func validate() throws {
        if plain && json { throw ValidationError("--plain and --json exclude each other") }
        if !(rest >= 0 && rest <= 3600) { throw ValidationError("--rest must be from 0 to 3600 seconds") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path = daemon.socketPath
        let isTerminal = TTY.isTerminal(STDOUT_FILENO)
        let mode: WatchSession.Mode = json ? .json : (plain || !isTerminal ? .plain : .fullScreen)
        let settings = try ClientConfig.load(explicitPath: config, environment: environment)
        let cue = CuePlayer(
            bell: !noCue && isTerminal && mode != .json,
            command: noCue ? nil : (cueCommand ?? settings.cueCommand))
        var session = WatchSession(
            endpoint: path, mode: mode, colors: TTY.wantsColor(environment: environment, isTerminal: isTerminal),
            restSeconds: rest, cue: cue, reconnect: !noReconnect)
        let code = await session.run()
        if code != 0 { throw ExitCode(code) }
    }
}

/// The client's settings from the shared config file; unknown keys (the
/// daemon's plan and the rest) are ignored.
struct ClientConfig {
    var cueCommand: String?
    /// Exercises of the daily plan and their days per week, for adherence.
    var plan: [(exercise: Exercise, daysPerWeek: Int)] = []

    static func candidatePaths(environment: [String: String]) -> [String] {
        let home = environment["HOME"] ?? ""
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return [configHome + "/repcount/config.json", "/etc/repcount/config.json"]
    }

    /// Reads `explicitPath` (which must exist), or the first default path that
    /// exists; no file at all means defaults.
    static func load(explicitPath: String?, environment: [String: String]) throws -> ClientConfig {
        let path: String
        if let explicitPath {
            path = explicitPath
        } else if let found = candidatePaths(environment: environment).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            path = found
        } else {
            return ClientConfig()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("config \(path): cannot read the file")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ValidationError("config \(path): not a JSON object")
        }
        var config = ClientConfig()
        if let v = root["cue_command"] {
            guard let s = v as? String else { throw ValidationError("config \(path): \"cue_command\" must be a string") }
            config.cueCommand = s.isEmpty ? nil : s
        }
        if let steps = root["plan"] as? [[String: Any]] {
            for (i, step) in steps.enumerated() {
                guard let name = step["exercise"] as? String, let e = Exercise(rawValue: name) else {
                    throw ValidationError("config \(path): plan[\(i)]: missing or unknown \"exercise\"")
                }
                let days = (step["days_per_week"] as? Int) ?? 7
                guard (1...7).contains(days) else {
                    throw ValidationError("config \(path): plan[\(i)]: \"days_per_week\" must be 1 to 7")
                }
                config.plan.append((e, days))
            }
        }
        return config
    }
}

/// Sounds the audible cues: the terminal bell, a command, or both off.
struct CuePlayer: Sendable {
    var bell: Bool
    var command: String?

    func play(_ cue: Cue) {
        if let command {
            // Fire and forget: a slow sound player must not hold up the view.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command]
            var env = ProcessInfo.processInfo.environment
            env["REPCOUNT_CUE"] = cue == .holdTargetReached ? "target" : "set"
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try? p.run()
        } else if bell {
            TTY.write(ANSI.bell, to: STDOUT_FILENO)
        }
    }
}

/// One run of the watch loop: connection, input, model, screen.
struct WatchSession {
    enum Mode: Equatable { case fullScreen, plain, json }

    /// First delay before reconnecting, seconds: short, so a daemon restart
    /// (systemctl restart) is hardly noticed.
    static let firstRetryDelay = 0.5
    /// Longest delay between attempts, seconds: a user who starts the daemon
    /// after the client should not wait long.
    static let maximumRetryDelay = 5.0
    /// Redraws per second while something on screen moves (hold timer, rest
    /// countdown, reconnect countdown): 10 Hz keeps a 0.1 s timer smooth.
    static let redrawInterval = 0.1

    let endpoint: String
    let mode: Mode
    let colors: Bool
    let restSeconds: Double
    let cue: CuePlayer
    let reconnect: Bool

    enum Input: Sendable {
        case line(String)
        case connection(LiveEvent)
        case tick
        case resize
        case redraw
        case quit
        /// The terminal went away (SIGHUP): leave without writing to it.
        case hangup
        case unreachable(String)
    }

    mutating func run() async -> Int32 {
        let (inputs, sink) = AsyncStream<Input>.makeStream(bufferingPolicy: .unbounded)
        let connection = DaemonLineReader(
            path: endpoint, sendStatus: mode != .json, reconnect: reconnect, sink: sink)
        connection.start()
        let signals = SignalWatcher(sink: sink)
        var saved: TTY.SavedMode?
        var terminalGone = false
        var writer = ANSIWriter(colors: colors)
        if mode == .fullScreen {
            saved = TTY.enterCbreakMode(STDIN_FILENO)
            TTY.write(ANSI.enterAlternateScreen + ANSI.hideCursor + ANSI.disableWrap, to: STDOUT_FILENO)
            KeyReader.start(sink: sink)
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(Self.redrawInterval * 1e9))
                sink.yield(.tick)
            }
        }
        defer {
            ticker.cancel()
            signals.cancel()
            // After a hangup a write could block for ever on a pty nobody
            // reads (tmux kill-server waits for its panes to exit).
            if mode == .fullScreen, !terminalGone {
                TTY.write(ANSI.reset + ANSI.enableWrap + ANSI.showCursor + ANSI.leaveAlternateScreen, to: STDOUT_FILENO)
            }
            if let saved, !terminalGone { TTY.restore(saved) }
        }

        var model = LiveViewModel(endpoint: endpoint, restSeconds: restSeconds)
        let decoder = LiveEventDecoder(endpoint: endpoint)
        let renderer = LiveViewRenderer()
        let formatter = PlainEventFormatter()
        var size = TTY.size(STDOUT_FILENO) ?? .vt100
        if mode == .plain { emitPlain(.connecting(endpoint: endpoint), formatter, &model) }

        for await input in inputs {
            let now = Monotonic.now()
            var events: [LiveEvent] = []
            switch input {
            case .line(let line):
                if mode == .json { TTY.write(line + "\n", to: STDOUT_FILENO) }
                events = decoder.decode(line)
            case .connection(let e):
                if mode == .json, case .disconnected(_, let reason, let attempt, _) = e {
                    FileHandle.standardError.write(Data("repcount watch: \(endpoint): \(reason); reconnecting (attempt \(attempt))\n".utf8))
                }
                events = [e]
            case .tick:
                break
            case .resize:
                size = TTY.size(STDOUT_FILENO) ?? size
                writer.invalidate()
            case .redraw:
                writer.invalidate()
            case .quit:
                return 0
            case .hangup:
                terminalGone = true
                return 0
            case .unreachable(let reason):
                FileHandle.standardError.write(Data("repcount watch: cannot reach the daemon at \(endpoint): \(reason)\n".utf8))
                return ExitStatus.unavailable
            }
            for event in events {
                let cues = model.apply(event, at: now)
                if mode == .plain, let text = formatter.line(for: event, model: model) {
                    TTY.write("\(Monotonic.wallClockStamp()) \(text)\n", to: STDOUT_FILENO)
                }
                for c in cues { cue.play(c) }
            }
            if mode == .fullScreen {
                let frame = renderer.render(model, at: now, size: size)
                if !TTY.write(writer.update(to: frame), to: STDOUT_FILENO) { return 0 }
            }
        }
        return 0
    }

    private func emitPlain(_ event: LiveEvent, _ formatter: PlainEventFormatter, _ model: inout LiveViewModel) {
        model.apply(event, at: Monotonic.now())
        if let text = formatter.line(for: event, model: model) {
            TTY.write("\(Monotonic.wallClockStamp()) \(text)\n", to: STDOUT_FILENO)
        }
    }
}

/// Exit statuses beyond 0/1, from sysexits.h so scripts can tell causes apart
/// (docs/cli.md lists them).
enum ExitStatus {
    /// EX_USAGE: bad arguments (argument-parser's validation errors use it too).
    static let usage: Int32 = 64
    /// EX_DATAERR: the input (database, config) is malformed.
    static let dataError: Int32 = 65
    /// EX_NOINPUT: the history database does not exist.
    static let noInput: Int32 = 66
    /// EX_UNAVAILABLE: the daemon cannot be reached.
    static let unavailable: Int32 = 69
    /// EX_CANTCREAT: the output file cannot be written.
    static let cannotCreate: Int32 = 73
}

/// Seconds on a monotonic clock, for timers on screen; and the wall clock for
/// the timestamps of plain lines.
enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Local `HH:MM:SS`.
    static func wallClockStamp() -> String {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}

/// The connection to the daemon on its own thread: connect, subscribe, read
/// lines, and on failure report it and try again with a growing delay.
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

/// SIGWINCH, SIGINT, SIGTERM and SIGHUP as inputs of the watch loop.
final class SignalWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(sink: AsyncStream<WatchSession.Input>.Continuation) {
        let queue = DispatchQueue(label: "repcount-watch-signals")
        for (sig, input) in [(SIGWINCH, WatchSession.Input.resize), (SIGINT, .quit), (SIGTERM, .quit), (SIGHUP, .hangup)] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            if case .hangup = input {
                // The terminal is gone: exit from here, since the watch loop may
                // be blocked writing a frame to a pty nobody reads any more
                // (tmux kill-server waits for its panes before closing them).
                source.setEventHandler { _exit(0) }
            } else {
                source.setEventHandler { sink.yield(input) }
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for s in sources { s.cancel() }
    }
}

/// Keys on the full-screen view: q quits, Ctrl-L redraws.
enum KeyReader {
    static func start(sink: AsyncStream<WatchSession.Input>.Continuation) {
        let thread = Thread {
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) == 1 {
                switch byte {
                case UInt8(ascii: "q"), UInt8(ascii: "Q"): sink.yield(.quit)
                case 0x0C: sink.yield(.redraw)
                default: break
                }
            }
        }
        thread.name = "repcount-watch-keys"
        thread.start()
    }
}
