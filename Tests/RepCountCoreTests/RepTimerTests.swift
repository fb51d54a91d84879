import Foundation
import Testing
@testable import RepCountCore

@Suite struct RepTimerTests {
    func mj(_ x: Double) -> Double { SyntheticSession.minimumJerk(x) }

    /// Minimum-jerk ramps: rest 0 until 1 s, up to 20 deg by 2.5 s, hold to 8 s, down by 9.5 s.
    @Test func holdIsFromTheEndOfTheRampUpToTheStartOfTheRampDown() {
        var h = TiltHistory(capacity: 1000)
        for i in 0..<600 {
            let t = Double(i) * 0.02
            let tilt = 20 * (t < 5 ? mj((t - 1) / 1.5) : mj((9.5 - t) / 1.5))
            h.append(time: t, tilt: tilt)
        }
        var profile = ExerciseProfile.standard(for: .bridge, at: .thigh)
        profile.holdDefinition = .rampEnd
        // The excursion: from 1.5 s (above the enter level) to 9 s (below the exit level).
        let timing = RepTimer.measure(h, from: 75, to: 450, peak: 20, tickInterval: 0.02, profile: profile)
        #expect(abs(timing.holdStart - 2.5) < 0.05)
        #expect(abs(timing.holdEnd - 8.0) < 0.05)
        // Leaving rest: 15% of the height, 0.29 of the way up a minimum-jerk ramp.
        #expect(abs(timing.start - (1 + 0.29 * 1.5)) < 0.05)
        #expect(abs(timing.plateau - 20) < 0.5)
    }

    /// Stress failure mode 6: a slow steady ramp (constant speed for 4 s, braking in the
    /// last 0.3 s) has no minimum-jerk shape; the hold starts where the speed has died
    /// down, not where an extrapolation of the ramp says.
    @Test func aSlowSteadyRampIsHeldOnlyOnceItStops() {
        var h = TiltHistory(capacity: 1000)
        func ramp(_ x: Double) -> Double {
            // Linear to 92.5% of the height, then a quadratic brake to a stop.
            let c = min(max(x, 0), 1)
            if c < 0.85 { return c / 0.85 * 0.925 }
            let u = (c - 0.85) / 0.15
            return 0.925 + 0.075 * (2 * u - u * u)
        }
        for i in 0..<500 {
            let t = Double(i) * 0.04
            let tilt = 20 * (t < 10 ? ramp((t - 1) / 4) : ramp((18 - t) / 4))
            h.append(time: t, tilt: tilt)
        }
        let profile = ExerciseProfile.standard(for: .bridge, at: .thigh)
        let timing = RepTimer.measure(h, from: 25, to: 475, peak: 20, tickInterval: 0.04, profile: profile)
        // True hold: 5 s to 14 s.
        #expect(abs(timing.holdStart - 5) < 0.4)
        #expect(abs(timing.holdEnd - 14) < 0.4)
        #expect(timing.start <= timing.holdStart && timing.holdStart <= timing.holdEnd && timing.holdEnd <= timing.end)
    }

    /// A stall of 0.16 s high on the way up (94% of the height: a wobble of sway against a
    /// slow ramp, a coarse sensor's flat step) is no stop: the movement goes on, and the
    /// speed reading of the arrival is where it has slowed for good.
    @Test func aMomentaryStallNearTheTopIsNoStop() {
        // The ramp's clock stops at 80% of its time, 94% of the height.
        let h = stalledRep(ticks: 300, riseSeconds: 3, stallAt: 3.4, stallSeconds: 0.16, holdEnd: 8, fallSeconds: 3)
        let arrived = (0..<300).first { h[$0].tilt >= 17 }!
        let leaving = (0..<300).last { h[$0].tilt >= 17 }!
        let (start, end) = RepTimer.speedHold(
            h, from: 38, to: 262, rise: 63, fall: 237, arrived: arrived, leaving: leaving, middle: 150,
            fraction: 0.1, tickInterval: 0.04)
        // A minimum-jerk ramp slows to a tenth of its peak speed at 91% of its time.
        #expect(abs(start - (1.16 + 0.91 * 3)) < 0.1)
        #expect(abs(end - (8 + 0.09 * 3)) < 0.1)
    }

    @Test func aRunIsFoundInEitherDirectionAndCutShortByTheLimit() {
        let slow = [false, true, false, true, true, true, false, true, true]
        #expect(RepTimer.firstRun(from: 0, toward: 9, by: 1, of: 3) { slow[$0] } == 3)
        #expect(RepTimer.firstRun(from: 0, toward: 9, by: 1, of: 4) { slow[$0] } == 7)
        #expect(RepTimer.firstRun(from: 8, toward: -1, by: -1, of: 2) { slow[$0] } == 8)
        #expect(RepTimer.firstRun(from: 6, toward: -1, by: -1, of: 3) { slow[$0] } == 5)
        #expect(RepTimer.firstRun(from: 0, toward: 3, by: 1, of: 5) { _ in false } == 3)
    }

    /// A knock just before the rep (a 0.5 s spike past half the rep's height, inside the
    /// window searched for the rep's start) is not its rise: the rise is the ramp that
    /// leads to the hold (stress bird-dog-lower-back-04 at 197.8 s).
    @Test func aJoltBeforeTheRepIsNotItsRise() {
        var h = TiltHistory(capacity: 1000)
        for i in 0..<600 {
            let t = Double(i) * 0.02
            let jolt = t >= 1.2 && t < 1.7 ? 14 * (1 - abs(t - 1.45) / 0.25) : 0
            let tilt = 20 * (t < 6 ? mj((t - 2) / 1.5) : mj((10.5 - t) / 1.5))
            h.append(time: t, tilt: max(tilt, jolt))
        }
        var profile = ExerciseProfile.standard(for: .bridge, at: .thigh)
        profile.holdDefinition = .rampEnd
        // The excursion: from 2.5 s (above the enter level) to 10 s; the jolt is 1 s before it.
        let timing = RepTimer.measure(h, from: 125, to: 500, peak: 20, tickInterval: 0.02, profile: profile)
        #expect(abs(timing.holdStart - 3.5) < 0.05)
        #expect(abs(timing.start - (2 + 0.29 * 1.5)) < 0.05)
        #expect(abs(timing.holdEnd - 9.0) < 0.05)
    }

    /// A rise with a hitch two thirds of the way up (0.2 s without moving: a wobble of
    /// sway against a slow ramp, or a coarse sensor's flat step, can make one) has not
    /// arrived there: the hold starts once the tilt is near the plateau and has stopped,
    /// as the labelling procedure times it (Recordings/README.md).
    @Test func aHitchOnTheWayUpIsNotTheArrival() {
        // The ramp's clock stops 65% of the way up; it arrives at 20 deg at 4.2 s.
        let h = stalledRep(ticks: 750, riseSeconds: 3, stallAt: 2.6, stallSeconds: 0.2, holdEnd: 12, fallSeconds: 2)
        let profile = ExerciseProfile.standard(for: .bridge, at: .thigh)
        let timing = RepTimer.measure(h, from: 40, to: 345, peak: 20, tickInterval: 0.04, profile: profile)
        #expect(abs(timing.holdStart - 4.2) < 0.25)
        #expect(abs(timing.holdEnd - 12) < 0.25)
    }

    /// A hold that overshoots and sags (MEx s06 superman at 62 s: up to 100 deg, back to
    /// 75, sinking to 64 before the leg comes down) ends where the leg is let down, not
    /// where the tilt left the band around the overshoot.
    @Test func aSaggingHoldEndsWhereItIsLetDown() {
        var h = TiltHistory(capacity: 1000)
        for i in 0..<250 {
            let t = Double(i) * 0.04
            // Up to 30 deg by 2 s, back to 22 by 2.5 s, sinking to 19 by 6 s, down by 7.5 s.
            let tilt =
                t < 2 ? 30 * mj(t - 1)
                : t < 2.5 ? 30 - 8 * mj((t - 2) / 0.5)
                : t < 6 ? 22 - 3 * (t - 2.5) / 3.5
                : 19 * (1 - mj((t - 6) / 1.5))
            h.append(time: t, tilt: tilt)
        }
        let profile = ExerciseProfile.standard(for: .bridge, at: .thigh)
        let timing = RepTimer.measure(h, from: 30, to: 185, peak: 30, tickInterval: 0.04, profile: profile)
        #expect(abs(timing.holdEnd - 6) < 0.3)
        #expect(timing.holdStart >= 1.8 && timing.holdStart <= 2.6)
    }

    /// A 20 deg rep at 25 Hz: up from 1 s along a minimum-jerk ramp of `riseSeconds`
    /// whose clock stops for `stallSeconds` at `stallAt`, held to `holdEnd`, down over
    /// `fallSeconds`.
    func stalledRep(
        ticks: Int, riseSeconds: Double, stallAt: Double, stallSeconds: Double, holdEnd: Double, fallSeconds: Double
    ) -> TiltHistory {
        var h = TiltHistory(capacity: 1000)
        for i in 0..<ticks {
            let t = Double(i) * 0.04
            let clock = t < stallAt ? t : max(stallAt, t - stallSeconds)
            let up = mj((clock - 1) / riseSeconds)
            h.append(time: t, tilt: 20 * (t < holdEnd ? up : mj((holdEnd + fallSeconds - t) / fallSeconds)))
        }
        return h
    }

    /// Stress failure mode 2: the event contract start <= holdStart <= holdEnd <= end holds
    /// even when the extrapolated hold overshoots the rep's edges.
    @Test func orderedTimingKeepsTheHoldInsideTheRep() {
        let t = RepTimer.Timing.ordered(start: 10, holdStart: 9, holdEnd: 13, end: 12, plateau: 5)
        #expect(t.start == 10 && t.holdStart == 10 && t.holdEnd == 12 && t.end == 12)
        let u = RepTimer.Timing.ordered(start: 10, holdStart: 12.5, holdEnd: 11, end: 12, plateau: 5)
        #expect(u.holdStart == u.holdEnd && u.holdStart >= 10 && u.holdEnd <= 12)
    }
}
