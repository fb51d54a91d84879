import Testing
@testable import RepCountCore

@Suite struct TickResamplerTests {
    func reading(_ t: Double, _ x: Double) -> GravityEstimator.Reading {
        GravityEstimator.Reading(time: t, gravity: Vector3(x, 0, 0), activityPower: 0)
    }

    @Test func ticksLieOnTheGridAndInterpolate() {
        var r = TickResampler(interval: 0.02)
        var ticks: [GravityEstimator.Reading] = []
        func feed(_ x: GravityEstimator.Reading, _ restart: Bool) {
            r.feed(x, restart: restart)
            while let t = r.next() { ticks.append(t) }
        }
        feed(reading(0.005, 0), true)
        // Jittered samples: 13 ms, then 31 ms apart.
        feed(reading(0.018, 1.3), false)
        feed(reading(0.049, 4.4), false)
        #expect(ticks.map(\.time) == [0.02, 0.04])
        // x = 100 * (t - 0.005) along the whole ramp.
        #expect(abs(ticks[0].gravity.x - 1.5) < 1e-9 && abs(ticks[1].gravity.x - 3.5) < 1e-9)
    }

    @Test func noTicksAreInventedAcrossAGap() {
        var r = TickResampler(interval: 0.02)
        var ticks: [Double] = []
        func feed(_ x: GravityEstimator.Reading, _ restart: Bool) {
            r.feed(x, restart: restart)
            while let t = r.next() { ticks.append(t.time) }
        }
        feed(reading(0, 0), true)
        feed(reading(0.02, 0), false)
        feed(reading(2.013, 5), true)
        feed(reading(2.03, 5), false)
        #expect(ticks.count == 3)
        #expect(ticks[0] == 0 && ticks[1] == 0.02 && abs(ticks[2] - 2.02) < 1e-12)
    }
}
