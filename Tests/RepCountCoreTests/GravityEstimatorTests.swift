import Foundation
import Testing
@testable import RepCountCore

@Suite struct GravityEstimatorTests {
    @Test func stillSensorGivesGravityAndNoActivity() {
        var g = GravityEstimator()
        var r = g.update(Sample(time: 0, x: 0, y: 3, z: 9), dt: 0, restart: true)
        for i in 1...200 { r = g.update(Sample(time: Double(i) * 0.01, x: 0, y: 3, z: 9), dt: 0.01, restart: false) }
        #expect(abs(r.gravity.y - 3) < 1e-9 && abs(r.gravity.z - 9) < 1e-9)
        #expect(r.activity < 1e-9)
    }

    @Test func footfallsRaiseActivityButASlowTurnDoesNot() {
        var walk = GravityEstimator()
        var turn = GravityEstimator()
        _ = walk.update(Sample(time: 0, x: 0, y: 0, z: 9.81), dt: 0, restart: true)
        _ = turn.update(Sample(time: 0, x: 0, y: 0, z: 9.81), dt: 0, restart: true)
        var walking = 0.0, turning = 0.0
        for i in 1...300 {
            let t = Double(i) * 0.01
            // Footfalls: the thigh's vertical acceleration swings about +-0.6 g at the step rate.
            let bounce = 6 * sin(2 * .pi * 2 * t)
            walking = walk.update(Sample(time: t, x: 0, y: 0, z: 9.81 + bounce), dt: 0.01, restart: false).activity
            // 90 degrees in 3 s, as a slow wall-sit descent.
            let a = Double.pi / 2 * t / 3
            turning = turn.update(Sample(time: t, x: 0, y: 9.81 * sin(a), z: 9.81 * cos(a)), dt: 0.01, restart: false).activity
        }
        #expect(walking > 2, "walking activity \(walking)")
        #expect(turning < 0.2, "turning activity \(turning)")
    }
}
