import Testing
@testable import RepCountCore

@Suite struct SampleClockTests {
    @Test func stepsRepeatsAndGaps() {
        var clock = SampleClock()
        #expect(clock.advance(to: 1.0) == .first)
        #expect(clock.advance(to: 1.01) == .step(dt: 1.01 - 1.0))
        #expect(clock.advance(to: 1.01) == .step(dt: 0), "a repeated stamp is a zero step")
        #expect(clock.advance(to: 1.8) == .gap(dt: 1.8 - 1.01), "0.79 s is a gap")
        #expect(clock.advance(to: 1.9) == .step(dt: 1.9 - 1.8))
    }

    @Test func timeGoingBackwardsNeverGivesANegativeStep() {
        var clock = SampleClock()
        _ = clock.advance(to: 5)
        #expect(clock.advance(to: 4) == .step(dt: 0))
        #expect(clock.time == 5)
        #expect(clock.advance(to: 5.01) == .step(dt: 5.01 - 5))
    }
}
