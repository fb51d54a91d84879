import Foundation
import RepCountJSON
import RepCountProtocol
import Testing
import RepCountTestSupport

/// `repcount status|start|stop|next|watch --json` against a real `repcountd`,
/// both run as the built executables, as a user would.
@Suite(.serialized) struct DaemonCommandsTests {
    static var binDirectory: URL { ReplayTests.executable.deletingLastPathComponent() }

    /// Runs `repcount ARGS` to completion.
    static func repcount(_ arguments: [String]) throws -> ProcessRun {
        try ProcessRun(ReplayTests.executable, arguments)
    }

    /// Starts `repcountd` and waits for its socket.
    static func startDaemon(_ arguments: [String], socket: String) throws -> Process {
        let daemon = Process()
        daemon.executableURL = binDirectory.appendingPathComponent("repcountd")
        daemon.arguments = arguments
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline { usleep(20_000) }
        return daemon
    }

    @Test(arguments: [["status"], ["start", "bridge"], ["stop"], ["next"]])
    func withNoDaemonCommandsExitUnavailable(arguments: [String]) throws {
        let socket = "/tmp/rc-cli-none-\(getpid()).sock"
        unlink(socket)
        let run = try Self.repcount(arguments + ["--socket", socket])
        #expect(run.status == 69)
        #expect(run.stderr.hasPrefix("repcount: cannot connect to repcountd at \(socket)"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func commandsDriveAndReadARealDaemon() throws {
        let dir = try TemporaryDirectory()
        let recording = dir.path + "/bridge.csv"
        try ReplayTests.bridgeRecording(at: recording, reps: 3, hold: 6.5)
        // Socket paths must stay short (108 bytes).
        let socket = "/tmp/rc-cli-\(getpid()).sock"
        defer { unlink(socket) }
        let daemon = try Self.startDaemon(
            ["--replay", recording, "--speed", "max", "--wait-watchers", "1", "--socket", socket, "--database", dir.path + "/h.db"],
            socket: socket)
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }

        // `watch --json` prints the raw events: its reps are `repcount replay --json`'s.
        let watch = Process()
        watch.executableURL = ReplayTests.executable
        watch.arguments = ["watch", "--json", "--socket", socket]
        let out = Pipe()
        watch.standardOutput = out
        try watch.run()
        var text = ""
        while !text.contains("\"type\":\"summary\"") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        watch.terminate()
        watch.waitUntilExit()
        let watched = text.split(separator: "\n").map(String.init).filter { $0.contains("\"type\":\"rep\"") }
        let replay = try ReplayTests.replay([recording, "--json"])
        #expect(replay.status == 0)
        let replayed = replay.stdout.split(separator: "\n").map(String.init).filter { $0.contains("\"type\":\"rep\"") }
        #expect(watched.count == 3)
        #expect(watched == replayed)

        let status = try Self.repcount(["status", "--socket", socket])
        #expect(status.status == 0)
        #expect(status.stdout.contains("session: none"), "\(status.stdout)")
        #expect(status.stdout.contains("bridge: 3 reps in 1 sets"), "\(status.stdout)")

        let start = try Self.repcount(["start", "wall-sit", "--reps", "5", "--socket", socket])
        #expect(start.stdout.hasPrefix("started session 2: wall-sit, 1 x 5, hold 10 s"), "\(start.stdout)\(start.stderr)")
        let json = try Self.repcount(["status", "--json", "--socket", socket])
        let parsed = try JSONValue.parse(json.stdout.trimmingCharacters(in: .newlines))
        #expect(parsed["session"]?["exercise"]?.string == "wall-sit")
        #expect(try Self.repcount(["next", "--socket", socket]).stdout == "now on set 1\n")
        #expect(try Self.repcount(["stop", "--socket", socket]).stdout == "stopped session 2\n")
        let again = try Self.repcount(["stop", "--socket", socket])
        #expect(again.status != 0)
        #expect(again.stderr.contains("no_session"), "\(again.stderr)")

        // `history` and `progress` belong to the terminal client and are tested there;
        // the daemon's `history` request is tested in RepCountDaemonTests.
    }

    @Test func withoutADaemonCommandsSayWhereTheyLooked() throws {
        let run = try Self.repcount(["status", "--socket", "/tmp/no-such-repcountd.sock"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("cannot connect to repcountd at /tmp/no-such-repcountd.sock: No such file or directory"), "\(run.stderr)")
    }
}
