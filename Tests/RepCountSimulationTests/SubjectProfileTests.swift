import RepCountCore
import Testing
@testable import RepCountSimulation

@Suite struct SubjectProfileTests {
    @Test func amplitudesFollowTheDocumentedRanges() {
        let cases: [(Exercise, Placement, ClosedRange<Double>)] = [
            (.bridge, .thigh, 7...28), (.bridge, .hip, 16...32), (.wallSit, .thigh, 50...85),
            (.birdDog, .thigh, 62...92), (.birdDog, .lowerBack, 3...7),
        ]
        var r = SimulationRandom(seed: 1)
        for (e, p, range) in cases {
            let plan = SessionPlan(exercise: e, placement: p, sets: 1, reps: 1, holdTarget: 5)
            for _ in 0..<200 { #expect(range.contains(SubjectProfile(plan: plan, random: &r).amplitude)) }
        }
    }

    @Test func stylesSetTheTransitionSpeed() {
        var r = SimulationRandom(seed: 2)
        func ramp(_ style: SessionPlan.Style) -> Double {
            SubjectProfile(plan: SessionPlan(exercise: .bridge, placement: .thigh, style: style, sets: 1, reps: 1, holdTarget: 6), random: &r).rampSeconds
        }
        for _ in 0..<100 {
            #expect((3.8...5).contains(ramp(.slow)))
            #expect((0.8...1.4).contains(ramp(.quick)))
            #expect((1.1...2.8).contains(ramp(.standard)))
        }
    }
}
