import Testing
@testable import RepCountSimulation

@Suite struct DisturbanceTests {
    let d = Disturbance(start: 10, end: 20, kind: .effort(tremor: 0.1, sway: 0.5, growth: 0))

    @Test func envelopeIsZeroOutsideAndOneInside() {
        #expect(d.envelope(at: 9, ramp: 1) == 0)
        #expect(d.envelope(at: 21, ramp: 1) == 0)
        #expect(d.envelope(at: 15, ramp: 1) == 1)
        let up = d.envelope(at: 10.5, ramp: 1)
        #expect(up > 0 && up < 1)
    }

    @Test func rampIsShortenedForShortDisturbances() {
        let short = Disturbance(start: 0, end: 1, kind: .effort(tremor: 0, sway: 1, growth: 0))
        #expect(abs(short.envelope(at: 0.5, ramp: 2) - 1) < 1e-12)
    }

    @Test func endBeforeStartIsClamped() {
        let odd = Disturbance(start: 5, end: 3, kind: .effort(tremor: 0, sway: 1, growth: 0))
        #expect(odd.end == 5)
    }
}
