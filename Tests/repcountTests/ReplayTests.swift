import Foundation
import RepCountCore
import RepCountProtocol
import RepCountRecording
import Testing
import RepCountTestSupport

/// Runs the built `repcount replay` on real files and checks what a user sees:
/// stdout, the single stderr line, and the exit status.
@Suite struct ReplayTests {
    /// The `repcount` executable beside the test bundle in the build directory.
    static let executable = URL(fileURLWithPath: BuiltProducts.executable("repcount"))

    /// Runs `repcount replay ARGS` to completion.
    static func replay(_ arguments: [String]) throws -> ProcessRun {
        try ProcessRun(executable, ["replay"] + arguments)
    }

    /// A clean bridge session: rest, then `reps` reps of a 25 degree thigh
    /// tilt held `hold` seconds, 6 s rest between; 100 Hz.
    static func bridgeRecording(at path: String, reps: Int, hold: Double, metadata: Bool = true) throws {
        let entries: [(key: String, value: String)] =
            metadata ? [(key: "exercise", value: "bridge"), (key: "placement", value: "thigh")] : []
        let writer = try RecordingWriter(path: path, metadata: RecordingMetadata(entries: entries))
        let ramp = 1.5
        let period = ramp + hold + ramp + 6
        let settle = 5.0
        let duration = settle + period * Double(reps) + 5
        var t = 0.0
        while t < duration {
            var degrees = 0.0
            let c = (t - settle).truncatingRemainder(dividingBy: period)
            if t >= settle, (t - settle) / period < Double(reps) {
                if c < ramp { degrees = 25 * c / ramp }
                else if c < ramp + hold { degrees = 25 }
                else if c < 2 * ramp + hold { degrees = 25 * (2 * ramp + hold - c) / ramp }
            }
            let a = degrees * .pi / 180
            try writer.write(Sample(time: t, x: 0.02, y: 9.81 * sin(a), z: 9.81 * cos(a)))
            t += 0.01
        }
        try writer.close()
    }

    /// Asserts one error line in the `repcount: FILE:LINE:COL: ...` shape and
    /// exit status 1. Stdout may hold what was counted before the fault: the
    /// replay streams.
    func expectError(_ run: ProcessRun, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 1, sourceLocation: sourceLocation)
        #expect(run.stderr == "repcount: \(expected)\n", sourceLocation: sourceLocation)
    }

    @Test func jsonLinesEndWithTheSummary() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bridge.csv"
        try Self.bridgeRecording(at: path, reps: 4, hold: 8)
        let run = try Self.replay([path, "--json"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let events = try run.stdout.split(separator: "\n").map { try EventDecoder.decode(String($0)) }
        let reps = events.compactMap { if case let .rep(r) = $0 { r } else { nil } }
        #expect(reps.count == 4)
        #expect(reps.map(\.number) == [1, 2, 3, 4])
        #expect(reps.allSatisfy { !$0.isShort && $0.targetHoldSeconds == 6 && $0.side == nil })
        guard case let .summary(summary)? = events.last else {
            Issue.record("last line is not a summary")
            return
        }
        #expect(summary.exercise == .bridge)
        #expect(summary.placement == .thigh)
        #expect(summary.reps == reps.count)
        // Deterministic: a second run prints the same bytes.
        #expect(try Self.replay([path, "--json"]).stdout == run.stdout)
    }

    @Test func humanOutputShowsHoldsAgainstTheTarget() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bridge.csv"
        try Self.bridgeRecording(at: path, reps: 3, hold: 4, metadata: false)
        let run = try Self.replay([path, "--exercise", "bridge", "--hold", "10"])
        #expect(run.status == 0)
        let repLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  rep ") }
        #expect(repLines.count == 3)
        #expect(repLines.allSatisfy { $0.hasSuffix("/ 10 s  short") })
        #expect(run.stdout.contains("total: 3 reps in 1 set"))
    }

    @Test func exerciseIsRequiredWithoutMetadata() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bare.csv"
        try Self.bridgeRecording(at: path, reps: 1, hold: 6, metadata: false)
        let run = try Self.replay([path])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("repcount: \(path): no '# exercise:' metadata"))
    }

    @Test func missingFile() throws {
        expectError(try Self.replay(["/nonexistent/x.csv"]), "/nonexistent/x.csv: cannot open: No such file or directory")
    }

    @Test func emptyFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("empty.csv", "")
        expectError(try Self.replay([path, "--exercise", "bridge"]), "\(path): empty file: no header row")
    }

    @Test func headerWithoutRequiredColumns() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("h.csv", "# exercise: bridge\ntime_s,ax,ay,az\n0,1,2,3\n")
        expectError(
            try Self.replay([path]),
            "\(path):2: header has no 'accel_x' column (required: time_s, accel_x, accel_y, accel_z)")
    }

    @Test func unparsableField() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("u.csv", "# exercise: bridge\ntime_s,accel_x,accel_y,accel_z\n0,0,9.81,0\n0.01,0,9.81,zero\n")
        expectError(try Self.replay([path, "--json"]), "\(path):4:4: 'accel_z' is not a number: 'zero'")
    }

    @Test func nonFiniteValue() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("n.csv", "# exercise: bridge\ntime_s,accel_x,accel_y,accel_z\n0,0,9.81,0\n0.01,NaN,9.81,0\n")
        expectError(try Self.replay([path]), "\(path):4:2: 'accel_x' is not finite: 'NaN'")
    }

    @Test func timeGoingBackwards() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("t.csv", "# exercise: bridge\ntime_s,accel_x,accel_y,accel_z\n0.5,0,9.81,0\n0.4,0,9.81,0\n")
        expectError(try Self.replay([path, "--json"]), "\(path):4:1: time_s goes backwards: 0.4 after 0.5")
    }

    @Test func labelsNotMatchingTheSchema() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bridge.csv"
        try Self.bridgeRecording(at: path, reps: 1, hold: 6)
        let labels = try dir.file("bridge.labels.json", #"{"exercise":"bridge","placement":"thigh","sets":[{"reps":[{"start":1}]}]}"#)
        expectError(try Self.replay([path, "--labels", labels]), "\(labels): sets[0].reps[0].hold_start: missing")
    }

    @Test func labelsAreShownBesideTheCounts() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bridge.csv"
        try Self.bridgeRecording(at: path, reps: 2, hold: 6)
        let rep = #"{"start":1,"hold_start":2,"hold_end":8,"end":9,"side":null}"#
        let labels = try dir.file("bridge.labels.json", #"{"exercise":"bridge","placement":"thigh","sets":[{"reps":[\#(rep),\#(rep)]}]}"#)
        let run = try Self.replay([path, "--labels", labels])
        #expect(run.status == 0)
        #expect(run.stdout.contains("labels: 2 reps in 1 set (2)"))
    }

    @Test func speedPacesTheReplay() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bridge.csv"
        try Self.bridgeRecording(at: path, reps: 1, hold: 6)  // 26 s of recording
        let start = Date()
        let run = try Self.replay([path, "--speed", "40"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(run.status == 0)
        // 26 s at 40x is 0.65 s; a lower bound only, so a busy machine cannot fail it.
        #expect(elapsed >= 0.6)
        #expect(run.stdout.contains("total: 1 rep in 1 set"))
    }

    @Test func badSpeedIsAUsageError() throws {
        let run = try Self.replay(["/nonexistent/x.csv", "--exercise", "bridge", "--speed=0"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--speed must be a factor > 0"))
    }

    @Test func badHoldIsAUsageError() throws {
        let run = try Self.replay(["/nonexistent/x.csv", "--exercise", "bridge", "--hold=-1"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--hold must be a number of seconds >= 0"))
    }
}
