import Testing
@testable import RepCountCore

@Suite struct RepTimerTests {
    /// Minimum-jerk ramps: rest 0 until 1 s, up to 20 deg by 2.5 s, hold to 8 s, down by 9.5 s.
    @Test func holdIsFromTheEndOfTheRampUpToTheStartOfTheRampDown() {
        var h = TiltHistory(capacity: 1000)
        for i in 0..<600 {
            let t = Double(i) * 0.02
            func mj(_ x: Double) -> Double { let c = min(max(x, 0), 1); return c * c * c * (10 + c * (-15 + 6 * c)) }
            let tilt = 20 * (t < 5 ? mj((t - 1) / 1.5) : mj((9.5 - t) / 1.5))
            h.append(time: t, tilt: tilt)
        }
        let profile = ExerciseProfile.standard(for: .bridge, at: .thigh)
        // The excursion: from 1.5 s (above the enter level) to 9 s (below the exit level).
        let timing = RepTimer.measure(h, from: 75, to: 450, peak: 20, tickInterval: 0.02, profile: profile)
        #expect(abs(timing.holdStart - 2.5) < 0.05)
        #expect(abs(timing.holdEnd - 8.0) < 0.05)
        // Leaving rest: 15% of the height, 0.29 of the way up a minimum-jerk ramp.
        #expect(abs(timing.start - (1 + 0.29 * 1.5)) < 0.05)
        #expect(abs(timing.plateau - 20) < 0.5)
    }
}
