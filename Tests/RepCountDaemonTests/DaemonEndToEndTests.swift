import Foundation
import RepCountClient
import RepCountCore
@testable import RepCountDaemon
import RepCountJSON
import RepCountProtocol
import RepCountRecording
import RepCountStore
import Testing

/// End-to-end: the real `repcountd` executable, a real socket, real SQLite,
/// real clients (`RepCountClient`) and raw sockets where a client misbehaves.
@Suite(.serialized) struct DaemonEndToEndTests {
    @Test func repEventsEqualTheInProcessPipeline() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        try writeBridgeRecording(path: recording, sets: 2, reps: 4)
        let expected = try referenceEventLines(path: recording)
        #expect(expected.filter { type(of: $0) == "rep" }.count == 8)

        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--wait-watchers", "1"])
        let lines = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            _ = try await c.call(.watch(motion: false))
            return try await collectLines(c) { $0["type"]?.string == "summary" }
        }
        // Every pipeline event (state, hold target, rep, set) arrives, in
        // order, byte for byte as `repcount replay --json` encodes it.
        let pipelineTypes: Set = ["state", "hold_target_reached", "rep", "set"]
        #expect(lines.filter { pipelineTypes.contains(type(of: $0) ?? "") } == expected)
        // Around them: hold ticks while holding, the session end, the summary.
        let holds = lines.filter { type(of: $0) == "hold" }
        #expect(holds.count > 8 * 20)  // 6.5 s holds at 4 Hz
        let end = try #require(lines.first { type(of: $0) == "session" }.map { try JSONValue.parse($0) })
        #expect(end["phase"]?.string == "ended")
        #expect(end["reason"]?.string == "source-ended")
        #expect(end["reps"]?.int == 8)
        #expect(type(of: lines.last!) == "summary")

        // The history holds the same reps.
        let store = try HistoryStore(path: daemon.databasePath, readOnly: true)
        let session = try #require(try store.sessions().last)
        #expect(session.repCount == 8)
        #expect(session.endReason == .sourceEnded)
        let expectedReps = expected.filter { type(of: $0) == "rep" }
        let storedReps = session.sets.flatMap(\.reps).map { EventEncoder.line(.rep($0.rep)).trimmingCharacters(in: .newlines) }
        #expect(storedReps == expectedReps)
        daemon.stop()
        #expect(daemon.process.terminationStatus == 0)
    }

    /// The simulated recordings in `Recordings/` (one per exercise): the
    /// daemon's pipeline events equal the in-process pipeline's, sides included.
    @Test(arguments: ["sim-bridge-hip-01.csv", "sim-bird-dog-lower-back-01.csv", "sim-wall-sit-thigh-01.csv"])
    func simulatedRecordingsGiveTheSameEvents(name: String) async throws {
        let recording = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings/\(name)").path
        try #require(FileManager.default.fileExists(atPath: recording), "missing \(recording)")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let exercise = try #require(try RecordingReader(path: recording).metadata.exercise)
        // Enough target sets that the session never ends before the recording does.
        var targets = exercise.defaultTargets
        targets.sets = 100
        let expected = try referenceEventLines(path: recording, targets: targets)
        #expect(expected.contains { type(of: $0) == "rep" })
        let daemon = try DaemonProcess(
            directory: dir,
            arguments: ["--replay", recording, "--speed", "max", "--wait-watchers", "1", "--exercise", exercise.rawValue, "--sets", "100"])
        let lines = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            _ = try await c.call(.watch(motion: false))
            return try await collectLines(c) { $0["type"]?.string == "summary" }
        }
        let pipelineTypes: Set = ["state", "hold_target_reached", "rep", "set"]
        #expect(lines.filter { pipelineTypes.contains(type(of: $0) ?? "") } == expected)
    }

    @Test func badRequestsGetErrorsAndTheConnectionSurvives() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"])
        try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            let cases: [(bytes: [UInt8], code: String)] = [
                (Array("this is not json\n".utf8), "bad_json"),
                (Array("[1,2,3]\n".utf8), "bad_request"),
                (Array("{\"id\":7}\n".utf8), "bad_request"),
                (Array("{\"id\":8,\"request\":\"dance\"}\n".utf8), "unknown_request"),
                (Array("{\"id\":9,\"request\":\"start\",\"exercise\":\"yoga\"}\n".utf8), "bad_request"),
                (Array("{\"id\":10,\"request\":\"start\",\"exercise\":\"bridge\",\"reps\":\"ten\"}\n".utf8), "bad_request"),
                (Array("{\"id\":11,\"request\":\"history\",\"from\":10,\"to\":5}\n".utf8), "bad_request"),
                (Array("{\"id\":12,\"request\":\"stop\"}\n".utf8), "no_session"),
                (Array(String(repeating: "[", count: 5000).utf8) + [10], "bad_json"),
                ([0xFF, 0xFE, 0x7B, 10], "bad_json"),
                // One megabyte on one line: refused without being buffered.
                (Array(repeating: UInt8(ascii: "x"), count: 1 << 20) + [10], "line_too_long"),
            ]
            for (bytes, code) in cases {
                try await c.sendRaw(bytes)
                let reply = try #require(try await c.nextMessage())
                #expect(reply["type"]?.string == "error", "for \(code)")
                #expect(reply["code"]?.string == code)
                #expect(reply["message"]?.string?.isEmpty == false)
            }
            // Ids are echoed so a client can match errors to requests.
            try await c.sendRaw(Array("{\"id\":\"abc\",\"request\":\"next\"}\n".utf8))
            #expect(try await c.nextMessage()?["id"]?.string == "abc")
            // Still the same connection, still served.
            let status = try await c.call(.status)
            #expect(status["ok"]?.bool == true)
            #expect(status["state"]?.string == "idle")
            // A line split over several writes, with CRLF, is one request.
            try await c.sendRaw(Array("{\"id\":99,\"req".utf8))
            try await Task.sleep(for: .milliseconds(50))
            try await c.sendRaw(Array("uest\":\"status\"}\r\n".utf8))
            let reply = try #require(try await c.nextMessage())
            #expect(reply["id"]?.int == 99)
            #expect(reply["ok"]?.bool == true)
        }
        #expect(daemon.log.contains("request line too long"))
    }

    @Test func aFloodOfRequestsIsAnsweredOrRefusedAndTheDaemonCarriesOn() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"])
        // `next` without a session: each answer is a short error line, so the
        // 2,000 answers (~170 kB) fit the client's backlog even when the test
        // reads slowly on a loaded machine (a client that falls further
        // behind its own requests is dropped, like one that stopped reading).
        let count = 2_000
        let (refused, busy) = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            var flood: [UInt8] = []
            for i in 0..<count { flood += Array("{\"id\":\(i),\"request\":\"next\"}\n".utf8) }
            try await c.sendRaw(flood)
            var refused = 0
            var busy = 0
            var ids = Set<Int>()
            while refused + busy < count, let m = try await c.nextMessage() {
                if m["code"]?.string == "no_session" { refused += 1 }
                if m["code"]?.string == "busy" { busy += 1 }
                if let id = m["id"]?.int { ids.insert(id) }
            }
            #expect(ids.count == count)
            // Still served afterwards.
            #expect(try await c.call(.status)["ok"]?.bool == true)
            return (refused, busy)
        }
        #expect(refused + busy == count)
        #expect(refused >= ConnectionHandler.maximumRequestsInFlight)
        #expect(daemon.process.isRunning)
    }

    @Test func aHundredClientsAllGetEveryEvent() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        try writeBridgeRecording(path: recording, reps: 3)
        let expected = try referenceEventLines(path: recording).filter { type(of: $0) == "rep" }
        let clients = 100
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--wait-watchers", "\(clients)"])
        let streams = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
                        _ = try await c.call(.watch(motion: false))
                        return try await collectLines(c) { $0["type"]?.string == "summary" }
                    }
                }
            }
            var all: [[String]] = []
            for try await lines in group { all.append(lines) }
            return all
        }
        #expect(streams.count == clients)
        // Everyone saw the same stream, and it holds the pipeline's reps.
        #expect(Set(streams).count == 1)
        #expect(streams[0].filter { type(of: $0) == "rep" } == expected)
    }

    @Test func aClientThatStopsReadingIsDroppedWithoutStallingOthers() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        // ~22 minutes of recording: ~13,000 motion events, ~0.9 MB per motion
        // watcher, replayed at 200x real time (~140 kB/s per watcher): easy
        // for a reading client, and past the default 256 KiB backlog plus the
        // kernel's socket buffer within seconds for one that does not read.
        try writeBridgeRecording(path: recording, reps: 90)
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "200", "--wait-watchers", "2"])

        // The slow client: watches with the motion stream, then never reads.
        let slow = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(connectUnix(slow, daemon.socketPath))
        defer { close(slow) }
        let watch = Array("{\"id\":1,\"request\":\"watch\",\"motion\":true}\n".utf8)
        #expect(write(slow, watch, watch.count) == watch.count)

        let clock = ContinuousClock()
        let started = clock.now
        let lines = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            _ = try await c.call(.watch(motion: true))
            return try await collectLines(c) { $0["type"]?.string == "summary" }
        }
        let elapsed = clock.now - started
        #expect(type(of: lines.last!) == "summary")
        #expect(lines.filter { type(of: $0) == "rep" }.count == 90)
        #expect(lines.filter { type(of: $0) == "motion" }.count > 12_000)
        // The replay lasts ~6.5 s; a stall on the slow client would stretch it.
        #expect(elapsed < .seconds(30))

        // The slow client's stream ends (dropped) before the session's end.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(slow, &buffer, buffer.count)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.hasPrefix("{\"type\":\"hello\""))
        #expect(!text.contains("\"type\":\"summary\""))
        #expect(received.count < 1_000_000)
        #expect(daemon.log.contains("dropping a client that stopped reading"))
    }

    @Test func sigtermMidSetKeepsEveryCompletedRepAndRestartServesThem() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        try writeBridgeRecording(path: recording, reps: 10)
        // 20x real time: a rep every ~0.7 s, so SIGTERM lands mid-set.
        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "20", "--wait-watchers", "1"])
        let seen = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            _ = try await c.call(.watch(motion: false))
            var reps: [String] = []
            var all: [String] = []
            while let line = try await c.nextLine() {
                all.append(line)
                if type(of: line) == "rep" {
                    reps.append(line)
                    if reps.count == 3 { daemon.signal(SIGTERM) }
                }
            }
            return (reps, all)
        }
        #expect(try daemon.waitForExit() == 0)
        // The daemon said goodbye properly: the set and the session ended.
        #expect(seen.1.contains { type(of: $0) == "set" })
        #expect(seen.1.contains { $0.contains("\"reason\":\"shutdown\"") })

        let store = try HistoryStore(path: daemon.databasePath, readOnly: true)
        #expect(try store.integrityCheck() == ["ok"])
        let session = try #require(try store.sessions().last)
        #expect(session.endReason == .shutdown)
        let stored = session.sets.flatMap(\.reps).map { EventEncoder.line(.rep($0.rep)).trimmingCharacters(in: .newlines) }
        #expect(stored == seen.0)
        #expect(stored.count >= 3 && stored.count < 10)

        // Restarted on the same database, the daemon serves that history.
        let again = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"])
        let history = try await DaemonConnection.withConnection(socketPath: again.socketPath) { c in
            try await c.call(.history(from: nil, to: nil, exercise: .bridge, limit: nil))
        }
        let sessions = try #require(history["sessions"]?.array)
        #expect(sessions.count == 1)
        #expect(sessions[0]["reps"]?.int == stored.count)
        #expect(sessions[0]["reason"]?.string == "shutdown")
    }

    @Test func sigkillLeavesAnIntactDatabaseAndAStaleSocketIsReplaced() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        try writeBridgeRecording(path: recording, reps: 10)
        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "20", "--wait-watchers", "1"])
        let reps = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            _ = try await c.call(.watch(motion: false))
            var reps = 0
            while let line = try await c.nextLine() {
                if type(of: line) == "rep" {
                    reps += 1
                    if reps == 3 { daemon.signal(SIGKILL) }
                }
            }
            return reps
        }
        _ = try daemon.waitForExit()
        #expect(daemon.process.terminationReason == .uncaughtSignal)
        // Every rep a client saw was committed before it was published.
        let store = try HistoryStore(path: daemon.databasePath, readOnly: true)
        #expect(try store.integrityCheck() == ["ok"])
        let session = try #require(try store.sessions().last)
        #expect(session.endedAt == nil)
        #expect(session.repCount >= reps)

        // The killed daemon left its socket file; a new one replaces it and
        // closes the interrupted session at its last rep.
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        #expect(!canConnect(daemon.socketPath))
        let again = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"])
        let closed = try #require(try HistoryStore(path: again.databasePath, readOnly: true).session(session.id))
        #expect(closed.endReason == .interrupted)
        #expect(closed.repCount == session.repCount)
        #expect(again.log.contains("closed sessions left open"))
    }

    @Test func aSecondDaemonOnALiveSocketRefusesToStart() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let first = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"])
        var info = stat()
        #expect(stat(first.socketPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o660)
        let second = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle", "--database", "\(dir)/other.db"],
            waitForSocket: false)
        #expect(try second.waitForExit() != 0)
        #expect(second.log.contains("another daemon is listening"))
        #expect(canConnect(first.socketPath))
    }

    @Test func theSocketGetsTheGroupAskedFor() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        // Any group other than our own shows the chown happened; Debian always has "daemon".
        let group = try #require(getgrnam("daemon"), "no group named daemon here")
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle", "--socket-group", "daemon"])
        var info = stat()
        #expect(stat(daemon.socketPath, &info) == 0)
        #expect(info.st_gid == group.pointee.gr_gid)
        #expect(info.st_mode & 0o777 == 0o660)
        daemon.stop()

        let wrong = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle", "--socket-group", "no-such-group-rc"],
            waitForSocket: false)
        #expect(try wrong.waitForExit() != 0)
        #expect(wrong.log.contains("no such group: no-such-group-rc"))
        #expect(!FileManager.default.fileExists(atPath: wrong.socketPath))
    }

    @Test func startNextStopDriveTheSessionAndItsHistory() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        try writeBridgeRecording(path: recording, reps: 6)
        // 10x real time (a rep every ~1.5 s, time for `next` to land), idle start: the client starts the session.
        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "10", "--idle", "--wait-watchers", "1"])
        try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            let started = try await c.call(.start(StartRequest(exercise: .bridge, reps: 2, holdSeconds: 5, sets: 2)))
            #expect(started["exercise"]?.string == "bridge")
            #expect(started["target_sets"]?.int == 2)
            _ = try await c.call(.watch(motion: false))
            var reps = 0
            var ended: JSONValue?
            while let m = try await c.nextMessage() {
                if m["type"]?.string == "rep" {
                    reps += 1
                    // Two reps, then the client moves on to set 2 by hand; two more end the session.
                    if reps == 2 {
                        let next = try await c.call(.next)
                        #expect(next["set"]?.int == 2)
                    }
                    if reps == 4 { _ = try await c.call(.next) }
                }
                if m["type"]?.string == "session", m["phase"]?.string == "ended" { ended = m; break }
            }
            #expect(ended?["reason"]?.string == "completed")
            #expect(ended?["sets"]?.int == 2)
            let status = try await c.call(.status)
            #expect(status["state"]?.string == "idle")
            let today = try #require(status["today"]?.array?.first)
            #expect(today["reps"]?.int == 4)
            #expect(today["sets"]?.int == 2)
            await #expect(throws: ClientError.refused(request: "stop", code: "no_session", message: "no session is running")) {
                _ = try await c.call(.stop)
            }
        }
    }

    @Test func sighupReloadsThePlanAndABadPlanKeepsTheOld() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let plan = "\(dir)/config.json"
        try #"{"plan":[{"exercise":"wall-sit","reps":5}]}"#.write(toFile: plan, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle", "--config", plan])
        func planExercises() async throws -> [String] {
            try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
                try await c.call(.status)["plan"]?.array?.compactMap { $0["exercise"]?.string } ?? []
            }
        }
        #expect(try await planExercises() == ["wall-sit"])
        try #"{"plan":[{"exercise":"bridge"},{"exercise":"bird-dog"}]}"#.write(toFile: plan, atomically: true, encoding: .utf8)
        // Signals are handled asynchronously, and one sent before the handler
        // is installed is ignored: re-send (bounded) until the reload shows.
        var reloaded: [String] = []
        for i in 0..<200 {
            if i % 10 == 0 { daemon.signal(SIGHUP) }
            try await Task.sleep(for: .milliseconds(50))
            reloaded = try await planExercises()
            if reloaded != ["wall-sit"] { break }
        }
        #expect(reloaded == ["bridge", "bird-dog"])
        try "{not a plan".write(toFile: plan, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        for _ in 0..<200 where !daemon.log.contains("plan not reloaded") {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(daemon.log.contains("plan not reloaded"))
        #expect(try await planExercises() == ["bridge", "bird-dog"])
        // `start` without an exercise runs the plan's first step.
        let started = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            try await c.call(.start(StartRequest()))
        }
        #expect(started["exercise"]?.string == "bridge")
        #expect(started["plan_step"]?.int == 0)
    }

    @Test func thePlanStepsToTheNextExerciseWhenASessionsSetsAreDone() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = "\(dir)/bridge.csv"
        try writeBridgeRecording(path: recording, reps: 4)
        let plan = "\(dir)/config.json"
        try #"{"plan":[{"exercise":"bridge","sets":1,"reps":2},{"exercise":"wall-sit","sets":1,"reps":5}]}"#
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(
            // 10x: a rep every ~1.5 s, ample time for `next` to land before the third.
            directory: dir, arguments: ["--replay", recording, "--speed", "10", "--idle", "--config", plan, "--wait-watchers", "1"])
        let sessions = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { c in
            let started = try await c.call(.start(StartRequest()))
            #expect(started["exercise"]?.string == "bridge")
            _ = try await c.call(.watch(motion: false))
            var sessions: [JSONValue] = []
            while let m = try await c.nextMessage() {
                if m["type"]?.string == "rep", m["rep"]?.int == 2 {
                    // Two reps: the user moves on; the set (and the step) is done.
                    _ = try await c.call(.next)
                }
                if m["type"]?.string == "session" {
                    sessions.append(m)
                    if m["phase"]?.string == "started" { break }
                }
            }
            return sessions
        }
        #expect(sessions.count == 2)
        #expect(sessions.first?["phase"]?.string == "ended")
        #expect(sessions.first?["exercise"]?.string == "bridge")
        #expect(sessions.first?["reason"]?.string == "completed")
        #expect(sessions.first?["reps"]?.int == 2)
        #expect(sessions.last?["exercise"]?.string == "wall-sit")
        #expect(sessions.last?["plan_step"]?.int == 1)
        #expect(sessions.last?["target_reps"]?.int == 5)
    }

    @Test func sighupWithoutAPlanFileDoesNotKillTheDaemon() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"],
            environment: ["XDG_CONFIG_HOME": dir, "HOME": dir, "CONFIGURATION_DIRECTORY": dir])
        for i in 0..<200 where !daemon.log.contains("SIGHUP without a plan file") {
            if i % 10 == 0 { daemon.signal(SIGHUP) }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(daemon.log.contains("SIGHUP without a plan file"))
        #expect(daemon.process.isRunning)
        let status = try await DaemonConnection.withConnection(socketPath: daemon.socketPath) { try await $0.call(.status) }
        #expect(status["plan"]?.array?.count == 3)
    }

    @Test func readyIsNotifiedOnlyOnceTheSocketListens() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let notifyPath = "\(dir)/notify"
        let receiver = try DatagramReceiver(path: notifyPath)
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"],
            environment: ["NOTIFY_SOCKET": notifyPath, "WATCHDOG_USEC": "400000"], waitForSocket: false)
        let ready = try #require(receiver.receive(timeout: 20) { $0.contains("READY=1") })
        #expect(canConnect(daemon.socketPath))
        #expect(ready.contains("STATUS=listening on"))
        // Watchdog pings follow, about every 200 ms.
        #expect(receiver.receive(timeout: 5) { $0 == "WATCHDOG=1" } != nil)
        daemon.signal(SIGTERM)
        #expect(receiver.receive(timeout: 10) { $0.contains("STOPPING=1") } != nil)
        #expect(try daemon.waitForExit() == 0)
    }
}

extension DaemonEndToEndTests {
    static let socketActivate = "/usr/bin/systemd-socket-activate"

    /// systemd hands the daemon a listening socket (LISTEN_FDS, as
    /// repcountd.socket does); the daemon serves on it and binds nothing itself.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: socketActivate), "systemd-socket-activate is not installed"))
    func socketActivationServesOnThePassedSocket() async throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recording = try writeOneRepRecording(in: dir)
        let activated = "\(dir)/activated.sock"
        let daemon = try DaemonProcess(
            directory: dir, arguments: ["--replay", recording, "--speed", "max", "--idle"], waitForSocket: false,
            launcher: [Self.socketActivate, "-l", activated])
        let deadline = Date().addingTimeInterval(20)
        while !canConnect(activated), Date() < deadline { usleep(20_000) }
        let status = try await DaemonConnection.withConnection(socketPath: activated) { try await $0.call(.status) }
        #expect(status["ok"]?.bool == true)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
        daemon.signal(SIGTERM)
        #expect(try daemon.waitForExit() == 0)
        #expect(daemon.log.contains("socket from systemd"))
    }
}

/// A Unix datagram socket standing in for systemd's notification socket.
final class DatagramReceiver {
    let fd: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    /// The first datagram matching `match` within `timeout` seconds.
    func receive(timeout: Double, _ match: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 100) > 0 else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { continue }
            let text = String(decoding: buffer[0..<n], as: UTF8.self)
            if match(text) { return text }
        }
        return nil
    }

    deinit {
        close(fd)
        unlink(path)
    }
}
