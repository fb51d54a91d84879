import Foundation
import RepCountCore
import RepCountRecording
import Testing

/// Regression tests over the labelled recordings in `Recordings/`: the counts come
/// from each `NAME.labels.json`, never from the counter's own output. The floors
/// here are below the project's targets (`repcount eval Recordings` reports those)
/// so that these catch regressions, not tuning noise; tighten them as the counter
/// improves.
@Suite struct RecordingGoldenTests {
    /// `Recordings/` at the package root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Recordings").path

    /// Every `NAME.csv` with a `NAME.labels.json` beside it, sorted.
    static func labelled() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".csv") {
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: Labels.path(forRecording: path)) { found.append(path) }
        }
        return found.sorted()
    }

    struct Outcome {
        var labels: Labels
        var reps: [Rep]
        var labelled: Int { labels.sets.reduce(0) { $0 + $1.reps.count } }
    }

    /// Runs a recording as `repcount replay` would, told what the user would tell it:
    /// the exercise, the placement, and which leg starts (or wears the sensor).
    static func run(_ path: String, keepEvery: Int = 1) throws -> Outcome {
        let labels = try Labels.read(path: Labels.path(forRecording: path))
        let reader = try RecordingReader(path: path)
        let side = (reader.metadata["first_side"] ?? reader.metadata["instrumented_side"]).flatMap(Side.init(rawValue:))
        var pipeline = Pipeline(configuration: PipelineConfiguration(
            exercise: labels.exercise, placement: labels.placement, firstSide: side ?? .right))
        var reps: [Rep] = []
        var n = 0
        while let sample = try reader.next() {
            n += 1
            if n % keepEvery != 0 { continue }
            pipeline.process(sample) { if case let .rep(r) = $0 { reps.append(r) } }
        }
        // The end of the input can still finish a rep (one cut by getting up).
        pipeline.finish { if case let .rep(r) = $0 { reps.append(r) } }
        return Outcome(labels: labels, reps: reps)
    }

    @Test func recordingsArePresent() {
        #expect(Self.labelled().count >= 24, "Recordings/ should hold at least 24 labelled sessions")
    }

    @Test(arguments: labelled())
    func countIsCloseToTheLabels(path: String) throws {
        let o = try Self.run(path)
        // Regression floor: within two reps, or 20% for the long sessions, of the labels on
        // every recording (worst now: 4 of 24 and 4 of 40).
        let allowed = max(2, Int(0.2 * Double(o.labelled)))
        #expect(abs(o.reps.count - o.labelled) <= allowed, "\(path): counted \(o.reps.count), labelled \(o.labelled)")
    }

    @Test func overallCountsAndTimingAgreeWithTheLabels() throws {
        var realExact = 0, realFiles = 0
        var exact = 0, files = 0, matched = 0, counted = 0, labelled = 0, sided = 0, sideRight = 0
        var holdErrors: [Double] = []
        for path in Self.labelled() {
            let o = try Self.run(path)
            files += 1
            if o.reps.count == o.labelled { exact += 1 }
            if path.contains("/mex/") {
                realFiles += 1
                if o.reps.count == o.labelled { realExact += 1 }
            }
            counted += o.reps.count
            labelled += o.labelled
            // One-to-one matching by time overlap, largest overlap first.
            let truth = o.labels.sets.flatMap(\.reps)
            var pairs: [(Double, Int, Int)] = []
            for (i, c) in o.reps.enumerated() {
                for (j, l) in truth.enumerated() {
                    let overlap = min(c.end, l.end) - max(c.start, l.start)
                    if overlap > 0 { pairs.append((overlap, i, j)) }
                }
            }
            var usedC = Set<Int>(), usedL = Set<Int>()
            for (_, i, j) in pairs.sorted(by: { $0.0 > $1.0 }) where !usedC.contains(i) && !usedL.contains(j) {
                usedC.insert(i)
                usedL.insert(j)
                matched += 1
                holdErrors.append(abs(o.reps[i].holdSeconds - truth[j].holdSeconds))
                if let side = truth[j].side {
                    sided += 1
                    if o.reps[i].side == side { sideRight += 1 }
                }
            }
        }
        let precision = Double(matched) / Double(max(counted, 1))
        let recall = Double(matched) / Double(max(labelled, 1))
        let f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        let holdMAE = holdErrors.reduce(0, +) / Double(max(holdErrors.count, 1))
        // Floors just under what the counter reaches (92/92 files exact, F1 1.000, hold
        // MAE 0.285 s, sides 100%), each at or above the project's target (97% exact,
        // F1 0.99, hold MAE 0.3 s, sides 98%).
        #expect(Double(exact) / Double(max(files, 1)) >= 0.98, "exact \(exact)/\(files)")
        #expect(f1 >= 0.997, "F1 \(f1)")
        // The real recordings: every one counted exactly.
        #expect(realExact == realFiles, "real recordings exact \(realExact)/\(realFiles)")
        #expect(holdMAE <= 0.30, "hold MAE \(holdMAE) s")
        if sided > 0 { #expect(Double(sideRight) / Double(sided) >= 0.98, "sides \(sideRight)/\(sided)") }
    }

    /// Recordings that each needed one of the counter's rules to be counted right,
    /// with the rule: every set of each counted exactly, so a change that undoes a rule
    /// shows by name.
    static let ruleRecordings: [(path: String, rule: String)] = [
        ("mex/s04-superman-thigh.csv", "a rep cut by getting up after coming half way down counts"),
        ("mex/s10-bridge-thigh.csv", "the wait at the start counts with the rest pose it is nearer to"),
        ("mex/s13-superman-thigh.csv", "a lift far briefer than the session's reps is not a rep"),
        ("stress/stress-bridge-thigh-05.csv", "an excursion three times the largest recent rep is not a rep"),
        ("stress/stress-bridge-thigh-01.csv", "an established direction outlasts the knee rolls of a break"),
        ("stress/stress-bird-dog-lower-back-02.csv", "sway in a hold is one visit; a jolt does not end the rest"),
        ("stress/stress-bird-dog-lower-back-04.csv", "a rep straight after a rejected move starts from rest"),
        ("sim-bridge-hip-04.csv", "the first rep of a session follows a wait at rest"),
        ("sim-bird-dog-lower-back-04.csv", "a roll over 12 degrees is getting onto all fours"),
        ("sim-bridge-thigh-04.csv", "a stillness from before a posture change is a wait, not the new rest"),
        ("sim-bridge-thigh-07.csv", "a pause while lying back down is not yet the earlier rest pose"),
        ("stress/stress-bird-dog-thigh-01.csv", "a thigh bird dog's first rep is confirmed by the second's direction"),
        ("stress/stress-bridge-thigh-03.csv", "a one-sample sensor glitch is not a step of walking"),
        ("sim-bridge-thigh-01.csv", "sitting at the bridge's angle before lying back is the held side, from the way from standing"),
        ("sim-bridge-thigh-06.csv", "a rest settled into before the first rep outweighs the pause before it"),
        ("stress/stress-bird-dog-lower-back-05.csv", "a jolt before the second lower-back bird dog is no rep"),
        ("stress/stress-wall-sit-thigh-05.csv", "a wall sit's hold trembles: the quiet pose is rest, though the input began in a hold"),
    ]

    @Test(arguments: ruleRecordings.map(\.path))
    func recordingsThatNeededARuleAreCountedExactly(path: String) throws {
        let o = try Self.run(Self.root + "/" + path)
        let rule = Self.ruleRecordings.first { $0.path == path }!.rule
        var counted: [Int: Int] = [:]
        for rep in o.reps { counted[rep.set, default: 0] += 1 }
        let sets = max(1, o.labels.sets.count, counted.keys.max() ?? 0)
        let perSet = (1...sets).map { counted[$0] ?? 0 }
        #expect(perSet == o.labels.sets.map(\.reps.count), "\(path) (\(rule))")
    }

    @Test func halvingTheSampleRateOfARealRecordingKeepsItsCount() throws {
        // A real 100 Hz recording, and the same at 50 Hz (every other sample).
        let paths = Self.labelled().filter { $0.contains("/mex/") }.prefix(4)
        for path in paths {
            let full = try Self.run(path)
            let half = try Self.run(path, keepEvery: 2)
            #expect(full.reps.count == half.reps.count, "\(path): \(full.reps.count) at 100 Hz, \(half.reps.count) at 50 Hz")
        }
    }
}
