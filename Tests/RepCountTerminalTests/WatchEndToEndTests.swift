import Foundation
import RepCountTestSupport
import Testing

@testable import RepCountTerminal

/// The real `repcountd` replaying a recording, the real `repcount watch` in a
/// real pseudo-terminal (tmux), and the screen read back with `capture-pane`
/// at points of the session: the rep count in block digits, the hold bar
/// filling, the target reached in green, a short hold, the daemon restarting.
@Suite(.serialized)
struct WatchEndToEndTests {
    /// Terminal size of the tmux window; 100x30 leaves room for scale-2 digits.
    static let size = TerminalSize(columns: 100, rows: 30)
    /// Replay speed: fast enough for a short test, slow enough that a hold
    /// (7.5 s of samples = 2.5 s of wall time) is seen by several polls.
    static let speed = 3.0
    /// Longest wait for any one screen state, seconds of wall time.
    static let timeout = 30.0

    @Test func liveViewFollowsAReplayedSession() throws {
        let env = try Environment()
        defer { env.tearDown() }
        let recording = try env.writeRecording(holds: [7.5, 3.5, 7.5])
        let daemon = try env.startDaemon(recording: recording)
        try env.tmux(
            [
                "new-session", "-d", "-s", env.session, "-x", "\(Self.size.columns)", "-y", "\(Self.size.rows)",
                "env", "-u", "NO_COLOR", "TERM=xterm-256color", env.repcount.path, "watch", "--socket", env.socket, "--no-cue",
            ], output: false)

        // Connected, exercise and sensor in the header.
        var screen = try env.waitForScreen("header") { $0[0].contains("BRIDGE") && $0[0].contains("SENSOR CONNECTED") }
        #expect(screen.last!.contains("repcountd"))

        // The first hold: the bar fills (part full, part empty), yellow.
        screen = try env.waitForScreen("hold filling") { lines in
            lines.contains { $0.contains("HOLD  ") && $0.contains("s of 6 s") && !$0.contains("LAST") }
                && lines.contains { $0.contains("█") && $0.contains("░") && $0.hasPrefix("  █") }
        }
        let filling = try env.capture(escapes: true)
        if let row = filling.firstIndex(where: { $0.contains("░") }) {
            #expect(Self.sgrColors(filling[row]).contains(33))
        }
        // The target reached: the bar is full and green, and says so.
        screen = try env.waitForScreen("target reached") { $0.contains { $0.contains("TARGET REACHED ✓") } }
        let colored = try env.capture(escapes: true)
        let barRow = try #require(colored.firstIndex { $0.contains("TARGET REACHED") }) + 1
        // Green (SGR 32), no longer yellow (33). tmux re-encodes the attributes,
        // so look for the colour parameter rather than one exact sequence.
        #expect(Self.sgrColors(colored[barRow]).contains(32))
        #expect(!Self.sgrColors(colored[barRow]).contains(33))
        #expect(!screen[barRow].contains("░"))

        // Rep 1 counted: "1/10" in block digits, its hold in the strip.
        screen = try env.waitForScreen("rep 1") { $0.contains { $0.contains("HOLDS  ") && $0.contains("1/1 on target") } }
        try Self.expectBigText("1/10", in: screen)

        // The terminal grows to 200x50 (SIGWINCH): the view follows, with
        // larger digits, and the hold timer in block digits too.
        let large = TerminalSize(columns: 200, rows: 50)
        try env.tmux(["resize-window", "-t", env.session, "-x", "200", "-y", "50"], output: false)
        screen = try env.waitForScreen("resized", rows: large.rows) { lines in
            // Redrawn for the new size: the footer is on the new last row.
            lines.last!.contains("repcountd") && lines[0].count > 150 && lines.contains { $0.contains(" on target") }
        }
        // Rep 2 may have come meanwhile: read the count from the holds strip.
        let strip = try #require(screen.first { $0.contains(" on target") })
        let counted = try #require(strip.split(separator: " ").last { $0.contains("/") }?.split(separator: "/").last)
        try Self.expectBigText("\(counted)/10", in: screen, size: large)
        #expect(LiveViewRenderer().chooseLayout("1/10", holdText: "0.0", size: large).scale
            > LiveViewRenderer().chooseLayout("1/10", holdText: "0.0", size: Self.size).scale)
        try env.tmux(["resize-window", "-t", env.session, "-x", "\(Self.size.columns)", "-y", "\(Self.size.rows)"], output: false)

        // Rep 2 held 3.5 s: counted, marked short.
        screen = try env.waitForScreen("short rep") { $0.contains { $0.contains("SHORT by") } }
        #expect(screen.contains { $0.contains("✗") && $0.contains("1/2 on target") })
        try Self.expectBigText("2/10", in: screen)

        // The daemon stops: the view says it is reconnecting, keeps the count.
        daemon.terminate()
        daemon.waitUntilExit()
        screen = try env.waitForScreen("reconnecting") { $0.contains { $0.contains("DAEMON NOT RUNNING · RECONNECTING IN") } }
        #expect(screen.last!.contains("daemon unreachable at \(env.socket)"))

        // It comes back: the view reconnects by itself and follows the new session.
        let again = try env.startDaemon(recording: recording)
        defer { again.terminate() }
        screen = try env.waitForScreen("reconnected") { lines in
            lines.last!.contains("repcountd") && !lines.contains { $0.contains("RECONNECTING") }
        }
        screen = try env.waitForScreen("rep 1 again") { $0.contains { $0.contains("1/1 on target") } }
        try Self.expectBigText("1/10", in: screen)
    }

    @Test func plainLinesWhenNotATerminal() throws {
        let env = try Environment()
        defer { env.tearDown() }
        let recording = try env.writeRecording(holds: [7.5, 3.5])
        let daemon = try env.startDaemon(recording: recording)
        defer { daemon.terminate() }
        let watch = Process()
        watch.executableURL = env.repcount
        watch.arguments = ["watch", "--socket", env.socket]
        let out = Pipe()
        watch.standardOutput = out
        try watch.run()
        let deadline = Date().addingTimeInterval(Self.timeout)
        var text = ""
        while Date() < deadline, !text.contains("rep 2 of 10") {
            Thread.sleep(forTimeInterval: 0.2)
            text += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        watch.terminate()
        watch.waitUntilExit()
        #expect(!text.contains("\u{1B}"), "no escape sequences when not a terminal")
        #expect(text.contains("session: bridge, 3 x 10, hold 6 s"))
        #expect(text.contains("hold target reached"))
        #expect(text.range(of: #"set 1 rep 1 of 10: hold \d+\.\d s of 6 s ok"#, options: .regularExpression) != nil, "\(text)")
        #expect(text.range(of: #"set 1 rep 2 of 10: hold \d\.\d s of 6 s SHORT"#, options: .regularExpression) != nil)
    }

    /// The colour parameters (30-37) of the SGR sequences on a captured line.
    static func sgrColors(_ line: String) -> Set<Int> {
        var found = Set<Int>()
        for part in line.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let m = part.firstIndex(of: "m") else { continue }
            for p in part[..<m].split(separator: ";") { if let n = Int(p), (30...37).contains(n) { found.insert(n) } }
        }
        return found
    }

    /// The block-digit rows of `text` as the renderer draws them must appear,
    /// in order, on consecutive lines of the screen.
    static func expectBigText(_ text: String, in screen: [String], size: TerminalSize = WatchEndToEndTests.size) throws {
        let renderer = LiveViewRenderer()
        let scale = renderer.chooseLayout(text, holdText: "0.0", size: size).scale
        try #require(scale > 0)
        var glyphs = ScreenBuffer(size: TerminalSize(columns: size.columns, rows: BigText.height(scale: scale)))
        BigText.drawCentered(text, into: &glyphs, row: 0, scale: scale, style: .plain)
        let rows = glyphs.lines
        let start = screen.firstIndex(of: rows[0])
        #expect(start != nil, "\(text) not drawn:\n\(screen.joined(separator: "\n"))")
        if let start {
            #expect(Array(screen[start..<min(screen.count, start + rows.count)]) == rows)
        }
    }

    /// Binaries, temporary files and the tmux session of one test.
    final class Environment {
        let dir: URL
        let socket: String
        let session: String
        let repcount: URL
        let repcountd: URL
        private var daemons: [Process] = []

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("repcount-e2e-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            socket = dir.appendingPathComponent("d.sock").path
            session = "repcount-e2e-\(getpid())-\(UUID().uuidString.prefix(6))"
            repcount = URL(fileURLWithPath: BuiltProducts.executable("repcount"))
            let env = ProcessInfo.processInfo.environment
            repcountd = URL(fileURLWithPath: env["REPCOUNTD"] ?? BuiltProducts.executable("repcountd"))
            try #require(FileManager.default.isExecutableFile(atPath: repcount.path), "build repcount first: \(repcount.path)")
            try #require(FileManager.default.isExecutableFile(atPath: repcountd.path), "build repcountd first: \(repcountd.path)")
        }

        func tearDown() {
            // kill-session ends the pane's process (SIGHUP) and with it the
            // server; kill-server alone was seen to leave both running here.
            _ = try? tmux(["kill-session", "-t", session], output: false)
            _ = try? tmux(["kill-server"], output: false)
            for d in daemons where d.isRunning {
                d.terminate()
                d.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: dir)
        }

        /// A 100 Hz bridge recording: rest, then one rep per hold (1.5 s up,
        /// the hold at 35 degrees, 1.5 s down, 4 s rest), then 5 s of rest.
        func writeRecording(holds: [Double]) throws -> String {
            var segments: [(start: Double, hold: Double)] = []
            // A wait at rest longer than a hold first: the rest pose is known at once,
            // so the first hold is shown live (`RestPoseFinder`).
            var t = 10.0
            for h in holds {
                segments.append((t, h))
                t += 1.5 + h + 1.5 + 4
            }
            let end = t + 5
            var csv = "# exercise: bridge\n# placement: thigh\n# sample_rate_hz: 100\ntime_s,accel_x,accel_y,accel_z\n"
            for k in 0..<Int(end * 100) {
                let time = Double(k) / 100
                var degrees = 0.0
                for s in segments {
                    let u = time - s.start
                    if u >= 0 && u < 1.5 { degrees = 35 * u / 1.5 }
                    else if u >= 1.5 && u < 1.5 + s.hold { degrees = 35 }
                    else if u >= 1.5 + s.hold && u < 3 + s.hold { degrees = 35 * (1 - (u - 1.5 - s.hold) / 1.5) }
                }
                let a = degrees * .pi / 180
                csv += String(format: "%.2f,%.4f,0.0000,%.4f\n", time, 9.81 * sin(a), 9.81 * cos(a))
            }
            let path = dir.appendingPathComponent("bridge.csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        /// Starts the daemon replaying `recording`, holding the samples back
        /// until one client watches, so no event is missed.
        func startDaemon(recording: String) throws -> Process {
            let p = Process()
            p.executableURL = repcountd
            p.arguments = [
                "--replay", recording, "--speed", "\(WatchEndToEndTests.speed)", "--socket", socket,
                "--database", dir.appendingPathComponent("history.db").path, "--wait-watchers", "1", "--log-level", "warning",
            ]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            daemons.append(p)
            return p
        }

        /// Runs tmux on this test's own server (`-L`), so the test neither
        /// sees nor disturbs the user's sessions, and returns what it printed.
        ///
        /// Spawned with `posix_spawn` and reaped with `waitpid` rather than
        /// with Foundation's `Process`: when `new-session` forks the tmux
        /// server, `Process.waitUntilExit` was seen never to return. Output goes
        /// to a file, not a pipe, because the forked server inherits the
        /// descriptor and a pipe would never reach end of file.
        @discardableResult
        func tmux(_ args: [String], output: Bool = true) throws -> String {
            let outPath = dir.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8)).out").path
            let argv = ["tmux", "-L", session, "-f", "/dev/null"] + args
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var cArgs = argv.map { strdup($0) } + [nil]
            defer { for a in cArgs { free(a) } }
            var pid: pid_t = 0
            let rc = posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, environ)
            try #require(rc == 0, "posix_spawnp tmux: \(String(cString: strerror(rc)))")
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            guard output else { return "" }
            defer { unlink(outPath) }
            return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        }

        /// The screen's lines, trailing blanks trimmed; with `escapes`, the SGR
        /// sequences too (`capture-pane -e`).
        func capture(escapes: Bool = false) throws -> [String] {
            let text = try tmux(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
            var lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines.map { line in
                var l = line
                while l.last == " " { l.removeLast() }
                return l
            }
        }

        /// Polls the screen until `condition` holds; fails with the last screen.
        func waitForScreen(
            _ what: String, rows: Int = WatchEndToEndTests.size.rows, _ condition: ([String]) -> Bool
        ) throws -> [String] {
            let deadline = Date().addingTimeInterval(WatchEndToEndTests.timeout)
            var screen: [String] = []
            while Date() < deadline {
                screen = try capture()
                if screen.count == rows, condition(screen) { return screen }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting for \(what); screen:\n\(screen.joined(separator: "\n"))")
            throw CancellationError()
        }
    }
}
