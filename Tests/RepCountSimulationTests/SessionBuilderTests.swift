import RepCountCore
import RepCountRecording
import Testing
@testable import RepCountSimulation

@Suite struct SessionBuilderTests {
    func session(_ plan: SessionPlan, seed: UInt64) -> SimulatedSession {
        var r = SimulationRandom(seed: seed)
        var b = SessionBuilder(plan: plan, random: &r)
        return b.build()
    }

    @Test(arguments: 1...12)
    func labelsAreOrderedAndRepsDoNotOverlap(seed: UInt64) {
        for exercise in Exercise.allCases {
            let plan = SessionPlan(exercise: exercise, placement: exercise.defaultPlacement, sets: 2, reps: 5,
                                   holdTarget: exercise.defaultTargets.holdSeconds)
            let s = session(plan, seed: seed)
            var previous = -1.0
            for rep in s.labels.sets.flatMap(\.reps) {
                #expect(rep.start > previous, "\(exercise) seed \(seed)")
                #expect(rep.start <= rep.holdStart && rep.holdStart <= rep.holdEnd && rep.holdEnd <= rep.end)
                // Transitions last what people take: 0.3-10 s.
                #expect((0.3...10).contains(rep.holdStart - rep.start))
                #expect((0.3...10).contains(rep.end - rep.holdEnd))
                previous = rep.end
            }
            #expect(s.duration > previous)
        }
    }

    @Test func setsAreAboutAMinuteApart() {
        let plan = SessionPlan(exercise: .bridge, placement: .thigh, sets: 3, reps: 6, holdTarget: 6)
        for seed in UInt64(1)...8 {
            let sets = session(plan, seed: seed).labels.sets
            #expect(sets.count == 3)
            for (a, b) in zip(sets, sets.dropFirst()) {
                let gap = b.reps.first!.start - a.reps.last!.end
                #expect((35...150).contains(gap), "seed \(seed): \(gap) s between sets")
            }
        }
    }

    @Test func holdsVaryAroundTheTargetWithSomeShort() {
        let plan = SessionPlan(exercise: .wallSit, placement: .thigh, sets: 1, reps: 12, holdTarget: 10)
        var holds: [Double] = []
        for seed in UInt64(1)...20 { holds += session(plan, seed: seed).labels.sets[0].reps.map(\.holdSeconds) }
        holds.sort()
        let median = holds[holds.count / 2]
        #expect((6...11.5).contains(median))
        #expect(holds.first! < 6)  // some people cut holds short
        #expect(holds.last! > 10.5)  // and some run over
        // Not a tidy constant: spread over many tenths of a second, SD over 1 s.
        #expect(Set(holds.map { ($0 * 10).rounded() }).count > 40)
        let mean = holds.reduce(0, +) / Double(holds.count)
        let sd = (holds.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(holds.count)).squareRoot()
        #expect(sd > 1)
    }

    @Test func quickAndSlowStylesHaveAlmostNoHold() {
        for style in [SessionPlan.Style.quick, .slow] {
            let plan = SessionPlan(exercise: .bridge, placement: .hip, style: style, sets: 1, reps: 10, holdTarget: 6)
            let reps = session(plan, seed: 3).labels.sets[0].reps
            #expect(reps.allSatisfy { $0.holdSeconds < 1 }, "\(style)")
            let ramps = reps.map { $0.holdStart - $0.start }.sorted()
            if style == .slow { #expect(ramps[ramps.count / 2] > 3) } else { #expect(ramps[ramps.count / 2] < 2) }
        }
    }

    @Test func birdDogSidesStartWithTheFirstSideAndMostlyAlternate() {
        let plan = SessionPlan(exercise: .birdDog, placement: .lowerBack, sets: 2, reps: 10, holdTarget: 5)
        var switches = 0, pairs = 0
        for seed in UInt64(1)...10 {
            let s = session(plan, seed: seed)
            for set in s.labels.sets {
                let sides = set.reps.compactMap(\.side)
                #expect(sides.count == 20)
                #expect(sides.first == s.firstSide)
                for (a, b) in zip(sides, sides.dropFirst()) { pairs += 1; if a != b { switches += 1 } }
            }
        }
        let rate = Double(switches) / Double(pairs)
        #expect(rate > 0.75 && rate < 0.99)  // people do not always alternate
    }

    @Test func thighBirdDogLabelsOnlyTheInstrumentedLeg() {
        let plan = SessionPlan(exercise: .birdDog, placement: .thigh, style: .blocks, sets: 1, reps: 8, holdTarget: 5)
        let s = session(plan, seed: 4)
        let reps = s.labels.sets[0].reps
        #expect(reps.count == 8)
        #expect(reps.allSatisfy { $0.side == s.instrumentedSide })
        #expect(s.unlabelledReps == 8)
    }

    @Test func fidgetsStayClearOfReps() {
        let plan = SessionPlan(exercise: .bridge, placement: .thigh, sets: 2, reps: 10, holdTarget: 6)
        for seed in UInt64(1)...5 {
            let s = session(plan, seed: seed)
            let reps = s.labels.sets.flatMap(\.reps)
            for d in s.motion.disturbances {
                guard case .fidget = d.kind else { continue }
                for rep in reps { #expect(d.end <= rep.start || d.start >= rep.end, "seed \(seed): fidget at \(d.start)") }
            }
        }
    }

    @Test func strapSlipsHappenOnlyBetweenSets() {
        let plan = SessionPlan(exercise: .bridge, placement: .hip, sets: 3, reps: 5, holdTarget: 6)
        var slips = 0
        for seed in UInt64(1)...20 {
            let s = session(plan, seed: seed)
            for slip in s.strapSlips {
                slips += 1
                let inside = zip(s.labels.sets, s.labels.sets.dropFirst()).contains { a, b in
                    slip.lowerBound > a.reps.last!.end && slip.upperBound < b.reps.first!.start
                }
                #expect(inside, "seed \(seed): slip \(slip) not between sets")
            }
        }
        #expect(slips > 2 && slips < 30)  // 40 breaks at 30 %
    }

    @Test(arguments: [SessionPlan.Style.quick, .slow, .standard])
    func repsCarryNoImpossibleJolts(style: SessionPlan.Style) {
        // Within the sets the body only lifts, holds and lowers (plus tremor and the
        // landing jolt, ≤ 3.5 m/s² drawn); |f − g| stays far below a fall's.
        for placement in [Placement.hip, .thigh] {
            let plan = SessionPlan(exercise: .bridge, placement: placement, style: style, sets: 1, reps: 12, holdTarget: 6)
            for seed in UInt64(1)...3 {
                let s = session(plan, seed: seed)
                let reps = s.labels.sets[0].reps
                var worst = 0.0
                var t = reps.first!.start
                while t < reps.last!.end {
                    worst = max(worst, abs(s.motion.specificForce(at: t).length - BodyMotion.gravity))
                    t += 0.004
                }
                #expect(worst < 8, "\(style) \(placement) seed \(seed): |f| off g by \(worst) m/s²")
            }
        }
    }
}
