import Foundation
import RepCountCore
import RepCountRecording
import RepCountTestSupport
import Testing
@testable import RepCountSimulation

@Suite struct SimulatedRecordingTests {
    func spec(_ exercise: Exercise, _ placement: Placement, seed: UInt64, rate: Double = 100, device: SensorDevice = .adxl345,
              style: SessionPlan.Style = .standard, reps: Int = 4) -> RecordingSpec {
        RecordingSpec(name: "t", plan: SessionPlan(exercise: exercise, placement: placement, style: style, sets: 1, reps: reps,
                                                   holdTarget: exercise.defaultTargets.holdSeconds),
                      device: device, sampleRate: rate, seed: seed)
    }

    @Test func sameSeedGivesTheSameBytes() throws {
        let s = spec(.bridge, .thigh, seed: 21)
        let one = try TemporaryDirectory(), two = try TemporaryDirectory()
        try SimulatedRecording(spec: s).write(toDirectory: one.path)
        try SimulatedRecording(spec: s).write(toDirectory: two.path)
        for file in ["t.csv", "t.labels.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: one.path + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: two.path + "/" + file))
            #expect(a.count > 100)
            #expect(a == b, "\(file) differs between two runs of the same seed")
        }
    }

    @Test func differentSeedsGiveDifferentRecordings() {
        let a = SimulatedRecording(spec: spec(.bridge, .thigh, seed: 21))
        let b = SimulatedRecording(spec: spec(.bridge, .thigh, seed: 22))
        #expect(a.samples != b.samples)
        #expect(a.labels != b.labels)
    }

    @Test func fileRoundTripsThroughTheProjectReaders() throws {
        let r = SimulatedRecording(spec: spec(.birdDog, .thigh, seed: 5, rate: 62.5, device: .lis3dh))
        let dir = try TemporaryDirectory()
        try r.write(toDirectory: dir.path)

        let reader = try RecordingReader(path: dir.path + "/t.csv")
        #expect(reader.metadata.exercise == .birdDog)
        #expect(reader.metadata.placement == .thigh)
        #expect(reader.metadata.sampleRateHz == 62.5)
        #expect(reader.metadata["seed"] == "5")
        #expect(reader.metadata["instrumented_side"] == r.session.instrumentedSide.rawValue)
        var count = 0
        while let s = try reader.next() {
            #expect(abs(s.time - r.samples[count].time) < 5e-5)
            count += 1
        }
        #expect(count == r.samples.count)

        let labels = try Labels.read(path: dir.path + "/t.labels.json")
        #expect(labels == r.labels)
        // The shared format's keys, with an explicit null side except for bird dogs.
        let text = r.labelsJSON()
        #expect(text.contains("\"hold_start\"") && text.contains("\"hold_end\""))
        #expect(labels.sets.flatMap(\.reps).allSatisfy { $0.side == r.session.instrumentedSide })
    }

    @Test func bridgeLabelsCarryNullSides() {
        let text = SimulatedRecording(spec: spec(.bridge, .hip, seed: 3)).labelsJSON()
        #expect(text.contains("\"side\" : null"))
    }

    /// Mean reading over [t0, t1].
    func mean(_ r: SimulatedRecording, _ t0: Double, _ t1: Double) -> Vector3 {
        let picked = r.samples.filter { $0.time >= t0 && $0.time <= t1 }
        precondition(!picked.isEmpty)
        return picked.reduce(Vector3.zero) { $0 + $1.accel } * (1 / Double(picked.count))
    }

    /// Angle between two directions, degrees, from the chord between the unit vectors.
    func angle(_ a: Vector3, _ b: Vector3) -> Double {
        2 * asinDegrees((a.normalized! - b.normalized!).length / 2)
    }

    func asinDegrees(_ x: Double) -> Double {
        var lo = 0.0, hi = Double.pi / 2
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if Rotation.aboutZ(mid * 180 / .pi).r1.x > x { hi = mid } else { lo = mid }
        }
        return lo * 180 / .pi
    }

    @Test(arguments: [
        (Exercise.bridge, Placement.thigh, UInt64(31)), (.bridge, .hip, 32), (.wallSit, .thigh, 33),
        (.birdDog, .thigh, 34), (.birdDog, .lowerBack, 35),
    ])
    func labelsAgreeWithTheMotion(exercise: Exercise, placement: Placement, seed: UInt64) {
        let r = SimulatedRecording(spec: spec(exercise, placement, seed: seed))
        let reps = r.labels.sets.flatMap(\.reps)
        #expect(!reps.isEmpty)
        for (i, rep) in reps.enumerated() {
            // Rest before the rep, not reaching back into the previous one.
            let from = max(rep.start - 0.6, i > 0 ? reps[i - 1].end + 0.05 : 0)
            guard rep.start - from > 0.25 else { continue }
            let restBefore = mean(r, from, rep.start - 0.02)
            let restAfter = mean(r, rep.end + 0.05, min(rep.end + 0.6, i + 1 < reps.count ? reps[i + 1].start - 0.02 : .infinity))
            let half = min(0.5, rep.holdSeconds / 3)
            let middle = (rep.holdStart + rep.holdEnd) / 2
            let held = mean(r, middle - half, middle + half)
            let excursion = angle(restBefore, held)
            // The largest tilt within the rep (means over a window as long as the
            // one used for the hold, so noise counts alike), to compare the hold with.
            var peak = 0.0
            var t = rep.start
            while t + 2 * half < rep.end { peak = max(peak, angle(restBefore, mean(r, t, t + 2 * half))); t += 0.1 }
            #expect(excursion > 2, "\(exercise)/\(placement) rep at \(rep.start): hold only \(excursion)° from rest")
            // Tolerances in degrees cover what sensor noise, tremor, sway and the
            // linear acceleration of the movement add to short means of a few-degree rep.
            #expect(excursion > 0.7 * peak - 1, "\(exercise)/\(placement) rep at \(rep.start): hold \(excursion)° vs peak \(peak)°")
            #expect(angle(restBefore, restAfter) < 0.35 * excursion + 0.5, "\(exercise)/\(placement) rep at \(rep.start): rest moved")
            // Just after leaving rest the tilt is still small (the ramp starts at the label).
            #expect(angle(restBefore, mean(r, rep.start, rep.start + 0.2)) < 0.3 * excursion + 0.8)
        }
    }

    @Test func pelvisRollOnTheLowerBackTellsTheSide() {
        let r = SimulatedRecording(spec: spec(.birdDog, .lowerBack, seed: 36, reps: 5))
        let reps = r.labels.sets.flatMap(\.reps)
        let directions = reps.map { rep -> Vector3 in
            let rest = mean(r, rep.start - 0.6, rep.start - 0.05)
            let middle = (rep.holdStart + rep.holdEnd) / 2
            let held = mean(r, middle - 0.3, middle + 0.3)
            return (held.normalized! - rest.normalized!)
        }
        #expect(Set(reps.compactMap(\.side)).count == 2)
        // Both legs tilt the pelvis forward a little too; remove that shared part
        // (the mean over both sides) and what is left is the roll, whose sign is the side.
        let rights = reps.indices.filter { reps[$0].side == .right }, lefts = reps.indices.filter { reps[$0].side == .left }
        func average(_ idx: [Int]) -> Vector3 { idx.reduce(Vector3.zero) { $0 + directions[$1] } * (1 / Double(idx.count)) }
        let shared = (average(rights) + average(lefts)) * 0.5
        let rolls = directions.map { $0 - shared }
        for i in 0..<reps.count {
            for j in (i + 1)..<reps.count {
                let same = reps[i].side == reps[j].side
                let d = rolls[i].normalized!.dot(rolls[j].normalized!)
                #expect(same ? d > 0 : d < 0, "reps \(i) and \(j): sides \(String(describing: reps[i].side)) \(String(describing: reps[j].side)), dot \(d)")
            }
        }
    }

    @Test func labelTimesAreOrderedAndInsideTheRecording() {
        let r = SimulatedRecording(spec: spec(.wallSit, .thigh, seed: 40, style: .slow, reps: 5))
        let last = r.samples.last!.time
        var previousEnd = 0.0
        for rep in r.labels.sets.flatMap(\.reps) {
            #expect(rep.start >= previousEnd)
            #expect(rep.start <= rep.holdStart && rep.holdStart <= rep.holdEnd && rep.holdEnd <= rep.end)
            #expect(rep.end < last)
            previousEnd = rep.end
        }
    }
}
