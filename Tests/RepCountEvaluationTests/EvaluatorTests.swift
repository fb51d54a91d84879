import Foundation
import RepCountCore
import RepCountRecording
import Testing

@testable import RepCountEvaluation

@Suite struct EvaluatorTests {
    /// A recording with two bridge-like tilts of the thigh, written to a temp dir.
    func makeRecording(in dir: URL) throws -> String {
        var rows = ["# exercise: bridge", "time_s,accel_x,accel_y,accel_z"]
        let rate = 100.0
        for i in 0..<Int(40 * rate) {
            let t = Double(i) / rate
            // Tilt (degrees): 0 at rest, ramps to 20 and holds 6 s, twice.
            func tilt(_ t: Double) -> Double {
                for start in [8.0, 24.0] {
                    let u = t - start
                    if u >= 0 && u < 1.5 { return 20 * u / 1.5 }
                    if u >= 1.5 && u < 7.5 { return 20 }
                    if u >= 7.5 && u < 9 { return 20 * (9 - u) / 1.5 }
                }
                return 0
            }
            let a = tilt(t) * .pi / 180
            rows.append(String(format: "%.3f,%.4f,%.4f,%.4f", t, 0.0, 9.81 * sin(a), 9.81 * cos(a)))
        }
        let path = dir.appendingPathComponent("two.csv").path
        try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let labels = """
            {"exercise":"bridge","placement":"thigh","sets":[{"reps":[
              {"start":8.0,"hold_start":9.5,"hold_end":15.5,"end":17.0,"side":null},
              {"start":24.0,"hold_start":25.5,"hold_end":31.5,"end":33.0,"side":null}]}]}
            """
        try labels.write(toFile: Labels.path(forRecording: path), atomically: true, encoding: .utf8)
        // An unlabelled recording beside it is not evaluated.
        try "time_s,accel_x,accel_y,accel_z\n0,0,0,9.81\n".write(
            toFile: dir.appendingPathComponent("unlabelled.csv").path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func findsOnlyLabelledRecordingsAndScoresThem() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeRecording(in: dir)

        let found = try Evaluator.recordings(in: [dir.path])
        #expect(found == [path])
        let results = try await Evaluator.evaluate(paths: found)
        #expect(results.count == 1)
        let score = results[0].score
        #expect(score.labelled == 2)
        #expect(score.counted == 2)
        #expect(score.f1 == 1)
        #expect(score.holdErrors.count == 2)
        let report = EvaluationReport(results)
        #expect(report.table().contains("bridge/thigh"))
        #expect(report.json().contains("\"f1\":1"))
    }

    @Test func missingPathIsAnError() {
        #expect(throws: RecordingError.self) { try Evaluator.recordings(in: ["/nonexistent/rec"]) }
    }
}
