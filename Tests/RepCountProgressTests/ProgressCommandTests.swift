import Foundation
import RepCountCore
import RepCountStore
import RepCountTestSupport
import Testing

@testable import RepCountProgress

/// `repcount history`, `progress` and `report`, the real executables, on a real
/// SQLite history written through the store's write API: six weeks of bridges
/// on weekdays (holds growing week by week) and wall sits on Mondays,
/// Wednesdays and Fridays; then the same through a running `repcountd`.
@Suite(.serialized)
struct ProgressCommandTests {
    /// Monday 2026-10-05, UTC; the subprocesses run with TZ=UTC.
    static let firstDay = "2026-10-05"
    static let lastDay = "2026-11-15"
    static let weeks = 6

    /// One kept session as written, to compute the expected figures from.
    struct Written {
        var exercise: Exercise
        var week: Int
        var day: Int
        var holds: [Double]
        var target: Double
    }

    /// The bridge holds on day `d` (0-based from the first Monday) of week `w`:
    /// 10 reps in 2 sets, around 4.5 s in week 0 rising 0.5 s a week.
    static func bridgeHolds(week w: Int, day d: Int) -> [Double] {
        (0..<10).map { 4.5 + 0.5 * Double(w) + 0.1 * Double(d) + (($0 % 3) == 0 ? -0.8 : 0.4) }
    }

    static func writeHistory(at path: String) throws -> [Written] {
        let store = try HistoryStore(path: path)
        let cal = ProgressCalendar(timeZone: TimeZone(identifier: "UTC")!)
        let monday = cal.start(of: try CalendarDay(parsing: firstDay))
        var written: [Written] = []
        for w in 0..<weeks {
            for d in 0..<7 {
                let dayStart = monday + Double(w * 7 + d) * 86_400
                if d < 5 {
                    written.append(Written(exercise: .bridge, week: w, day: d, holds: bridgeHolds(week: w, day: d), target: 6))
                    try record(store, .bridge, at: dayStart + 8 * 3600, holds: written.last!.holds, target: 6, perSet: 5)
                }
                if d == 0 || d == 2 || d == 4 {
                    let holds = (0..<4).map { 9.0 + Double(w) * 0.4 + Double($0) * 0.5 }
                    written.append(Written(exercise: .wallSit, week: w, day: d, holds: holds, target: 10))
                    try record(store, .wallSit, at: dayStart + 18 * 3600, holds: holds, target: 10, perSet: 4)
                }
            }
        }
        return written
    }

    static func record(_ store: HistoryStore, _ e: Exercise, at t: Double, holds: [Double], target: Double, perSet: Int) throws {
        let targets = Targets(holdSeconds: target, reps: perSet, sets: (holds.count + perSet - 1) / perSet)
        let id = try store.beginSession(NewSession(exercise: e, placement: .thigh, targets: targets, startedAt: t, source: "test"))
        for (i, h) in holds.enumerated() {
            let start = Double(i) * 20
            let rep = Rep(
                set: i / perSet + 1, number: i % perSet + 1, start: start, holdStart: start + 2, holdEnd: start + 2 + h,
                end: start + 4 + h, holdSeconds: h, targetHoldSeconds: target, side: nil, peakDegrees: 25)
            try store.recordRep(rep, session: id, recordedAt: t + start + 4 + h)
            if i % perSet == perSet - 1 { try store.endSet(session: id, number: i / perSet + 1, endedAt: t + start + 5 + h) }
        }
        try store.endSession(id, endedAt: t + Double(holds.count) * 20, reason: .completed)
    }

    @Test func progressHistoryAndReportFromTheDatabase() throws {
        let env = try CommandEnvironment()
        defer { env.tearDown() }
        let db = env.dir.appendingPathComponent("history.db").path
        let written = try Self.writeHistory(at: db)
        let range = ["--from", Self.firstDay, "--to", Self.lastDay, "--plan", "bridge=5,wall-sit=3"]

        let (json, status) = try env.run(["progress", "--database", db, "--json"] + range)
        #expect(status == 0)
        let report = try JSONDecoder().decode(ProgressReport.self, from: Data(json.utf8))
        #expect(report.exercises == [.bridge, .wallSit])
        for e in [Exercise.bridge, .wallSit] {
            let weeks = report.rows(.week, for: e)
            #expect(weeks.count == Self.weeks)
            for (w, row) in weeks.enumerated() {
                let mine = written.filter { $0.exercise == e && $0.week == w }
                let holds = mine.flatMap(\.holds)
                #expect(row.sessions == mine.count)
                #expect(row.reps == holds.count)
                #expect(row.repsOnTarget == holds.filter { $0 >= mine[0].target }.count)
                #expect(abs(row.meanHoldSeconds! - holds.reduce(0, +) / Double(holds.count)) < 1e-6)
                #expect(row.bestHoldSeconds == holds.max())
                #expect(row.daysDone == (e == .bridge ? 5 : 3) && row.daysPlanned == row.daysDone)
                #expect(row.sets == (e == .bridge ? 2 * mine.count : mine.count))
            }
            // Holds grow every week: the point of the product.
            let means = weeks.compactMap(\.meanHoldSeconds)
            #expect(zip(means, means.dropFirst()).allSatisfy { $0 < $1 })
        }

        // The terminal table: a row per week with days done of planned and a bar.
        let (text, _) = try env.run(["progress", "--database", db] + range)
        #expect(text.contains("BRIDGE · 2026-10-05 to 2026-11-15"))
        #expect(text.contains("2026-W41   5/5         5    10    50"))
        #expect(text.contains("trend  mean hold "))

        // Per day as CSV: 42 days for each of the two exercises, plus the header.
        let (csv, _) = try env.run(["history", "--database", db, "--csv"] + range)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 1 + 2 * 42)
        #expect(lines.filter { $0.hasPrefix("day,") && $0.contains(",bridge,") && !$0.contains(",0,0,0,0,") }.count == 30)

        // Every rep of one day, session by session.
        let (sessions, _) = try env.run(["history", "--database", db, "--sessions", "--from", "2026-10-05", "--to", "2026-10-05"])
        let expectedHolds = Self.bridgeHolds(week: 0, day: 0).prefix(5).map { String(format: "%.1f", $0) + ($0 < 6 ? "!" : "") }
        #expect(sessions.contains("set 1: " + expectedHolds.joined(separator: " ")), "\(sessions)")

        // The report: one page, two exercises, a dot per rep, no script.
        let out = env.dir.appendingPathComponent("report.html").path
        let (said, reportStatus) = try env.run(["report", "--database", db, "--out", out, "--subtitle", "Test patient"] + range)
        #expect(reportStatus == 0)
        #expect(said.hasPrefix("wrote \(out): 2 exercises, \(written.flatMap(\.holds).count) reps"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h2>Bridge</h2>") && html.contains("<h2>Wall sit</h2>"))
        #expect(html.components(separatedBy: "r=\"2.6\"").count - 1 == written.flatMap(\.holds).count)
        #expect(!html.lowercased().contains("<script"))

        // The same plots as one standalone SVG drawing, chosen by the file name.
        let svgOut = env.dir.appendingPathComponent("report.SVG").path
        let (saidSVG, svgStatus) = try env.run(["report", "--database", db, "--out", svgOut] + range)
        #expect(svgStatus == 0)
        #expect(saidSVG.hasPrefix("wrote \(svgOut): 2 exercises, \(written.flatMap(\.holds).count) reps"))
        let svg = try String(contentsOfFile: svgOut, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("<html") && !svg.contains("<table"))
        #expect(svg.contains(">Bridge</text>") && svg.contains(">Wall sit</text>"))
        #expect(svg.components(separatedBy: "r=\"2.6\"").count - 1 == written.flatMap(\.holds).count)

        // The same figures when asked of a running daemon over its socket.
        let socket = env.dir.appendingPathComponent("d.sock").path
        let daemon = try env.startDaemon(database: db, socket: socket)
        defer { daemon.terminate(); daemon.waitUntilExit() }
        var viaDaemon = ""
        for _ in 0..<100 {
            let (out, code) = try env.run(["progress", "--socket", socket, "--json"] + range)
            if code == 0 { viaDaemon = out; break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // The daemon sends times and holds with 3 decimals: compare within that.
        let fromDaemon = try JSONDecoder().decode(ProgressReport.self, from: Data(viaDaemon.utf8))
        #expect(fromDaemon.exercises == report.exercises)
        #expect(fromDaemon.weeks.count == report.weeks.count && fromDaemon.days.count == report.days.count)
        for (a, b) in zip(fromDaemon.weeks + fromDaemon.days, report.weeks + report.days) {
            #expect(a.label == b.label && a.exercise == b.exercise && a.sessions == b.sessions && a.sets == b.sets)
            #expect(a.reps == b.reps && a.repsOnTarget == b.repsOnTarget && a.daysDone == b.daysDone && a.daysPlanned == b.daysPlanned)
            #expect(abs((a.meanHoldSeconds ?? 0) - (b.meanHoldSeconds ?? 0)) < 1e-3)
        }
    }

    @Test func exitStatusesForMissingInputs() throws {
        let env = try CommandEnvironment()
        defer { env.tearDown() }
        let missing = env.dir.appendingPathComponent("none.db").path
        let (_, noDatabase) = try env.run(["progress", "--database", missing])
        #expect(noDatabase == 66)
        let (_, noDaemon) = try env.run(["history", "--socket", env.dir.appendingPathComponent("none.sock").path])
        #expect(noDaemon == 69)
        let (_, usage) = try env.run(["progress", "--weeks", "0"])
        #expect(usage == 64)
        let (_, badPlan) = try env.run(["progress", "--plan", "plank=3"])
        #expect(badPlan == 64)
    }

    /// The built executables, a temporary directory, and a clean environment
    /// (UTC, no config, no default socket or database).
    final class CommandEnvironment {
        let dir: URL
        let repcount: URL
        let repcountd: URL
        private var daemons: [Process] = []

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("repcount-progress-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            repcount = URL(fileURLWithPath: BuiltProducts.executable("repcount"))
            repcountd = URL(fileURLWithPath: BuiltProducts.executable("repcountd"))
            try #require(FileManager.default.isExecutableFile(atPath: repcount.path), "build repcount first")
        }

        var environment: [String: String] {
            [
                "PATH": "/usr/bin:/bin", "TZ": "UTC", "HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
                "XDG_DATA_HOME": dir.appendingPathComponent("data").path, "XDG_RUNTIME_DIR": dir.path,
                "REPCOUNT_SOCKET": dir.appendingPathComponent("absent.sock").path,
            ]
        }

        func run(_ args: [String]) throws -> (String, Int32) {
            let run = try ProcessRun(repcount, args, environment: environment)
            return (run.stdout, run.status)
        }

        func startDaemon(database: String, socket: String) throws -> Process {
            // A replay source is needed; --idle keeps it from starting a session.
            let csv = dir.appendingPathComponent("still.csv").path
            var text = "# exercise: bridge\ntime_s,accel_x,accel_y,accel_z\n"
            for k in 0..<200 { text += "\(Double(k) / 100),0,0,9.81\n" }
            try text.write(toFile: csv, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = repcountd
            p.arguments = ["--replay", csv, "--idle", "--socket", socket, "--database", database, "--log-level", "warning"]
            p.environment = environment
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            daemons.append(p)
            return p
        }

        func tearDown() {
            for d in daemons where d.isRunning {
                d.terminate()
                d.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: dir)
        }
    }
}
