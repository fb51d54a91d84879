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
        case unreachable(String)
    }

    mutating func run() async -> Int32 {
        let (inputs, sink) = AsyncStream<Input>.makeStream(bufferingPolicy: .unbounded)
        let connection = DaemonLineReader(
            path: endpoint, sendStatus: mode != .json, reconnect: reconnect, sink: sink)
        connection.start()
        let signals = SignalWatcher(sink: sink)
        var saved: TTY.SavedMode?
        var writer = ANSIWriter(colors: colors)
        if mode == .fullScreen {
            saved = TTY.enterCbreakMode(STDIN_FILENO)
            TTY.write(ANSI.enterAlternateScreen + ANSI.hideCursor + ANSI.disableWrap, to: STDOUT_FILENO)
            KeyReader.start(sink: sink)
        }
        // Only the full-screen view has timers to redraw; lines and JSON are written
        // as events come.
        let ticker: Task<Void, Never>? = mode != .fullScreen ? nil : Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(Self.redrawInterval * 1e9))
                sink.yield(.tick)
            }
        }
        defer {
            ticker?.cancel()
            signals.cancel()
            // (A hangup never gets here: `SignalWatcher` exits at once, since a write
            // could block for ever on a pty nobody reads.)
            if mode == .fullScreen {
                TTY.write(ANSI.reset + ANSI.enableWrap + ANSI.showCursor + ANSI.leaveAlternateScreen, to: STDOUT_FILENO)
            }
            if let saved { TTY.restore(saved) }
        }

        var model = LiveViewModel(endpoint: endpoint, restSeconds: restSeconds)
        let decoder = LiveEventDecoder(endpoint: endpoint)
        let renderer = LiveViewRenderer()
        let formatter = PlainEventFormatter()
        var size = TTY.size(STDOUT_FILENO) ?? .vt100
        if mode == .plain {
            let connecting = LiveEvent.connecting(endpoint: endpoint)
            model.apply(connecting, at: Monotonic.now())
            writePlain(connecting, formatter, model)
        }

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
            case .unreachable(let reason):
                FileHandle.standardError.write(Data("repcount watch: cannot reach the daemon at \(endpoint): \(reason)\n".utf8))
                return ExitStatus.unavailable
            }
            for event in events {
                let cues = model.apply(event, at: now)
                if mode == .plain { writePlain(event, formatter, model) }
                for c in cues { cue.play(c) }
            }
            if mode == .fullScreen {
                let frame = renderer.render(model, at: now, size: size)
                if !TTY.write(writer.update(to: frame), to: STDOUT_FILENO) { return 0 }
            }
        }
        return 0
    }

    /// The plain line for `event`, stamped with the wall clock, if it has one.
    private func writePlain(_ event: LiveEvent, _ formatter: PlainEventFormatter, _ model: LiveViewModel) {
        if let text = formatter.line(for: event, model: model) {
            TTY.write("\(Monotonic.wallClockStamp()) \(text)\n", to: STDOUT_FILENO)
        }
    }
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

/// SIGWINCH, SIGINT and SIGTERM as inputs of the watch loop; SIGHUP ends it at once.
final class SignalWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(sink: AsyncStream<WatchSession.Input>.Continuation) {
        let queue = DispatchQueue(label: "repcount-watch-signals")
        func watch(_ sig: Int32, _ handler: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
        for (sig, input) in [(SIGWINCH, WatchSession.Input.resize), (SIGINT, .quit), (SIGTERM, .quit)] {
            sources.append(watch(sig) { sink.yield(input) })
        }
        // The terminal is gone: exit from here, since the watch loop may be blocked
        // writing a frame to a pty nobody reads any more (tmux kill-server waits for
        // its panes before closing them).
        sources.append(watch(SIGHUP) { _exit(0) })
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
