import RepCountCore
import Testing
@testable import RepCountSimulation

@Suite struct BodyMotionTests {
    /// A motion with every always-on disturbance switched off.
    func quietMotion(start: BodyPose, lever: Vector3 = .zero) -> BodyMotion {
        var r = SimulationRandom(seed: 1)
        var m = BodyMotion(start: start, lever: lever, random: &r)
        m.breathingAmplitude = 0
        m.restSway = 0
        m.restTremor = 0
        return m
    }

    @Test func stillSegmentFeelsGravityInItsOwnFrame() {
        let pose = BodyPose(pitch: 30, roll: 10, lean: -5, heading: 70)
        let m = quietMotion(start: pose)
        let f = m.specificForce(at: 3)
        let expected = pose.rotation.applyTransposed(Vector3(0, 0, BodyMotion.gravity))
        #expect((f - expected).length < 1e-6)
        #expect(abs(f.length - BodyMotion.gravity) < 1e-6)
    }

    @Test func translationAddsItsAcceleration() {
        // A 1 m minimum-jerk lift over 2 s: peak acceleration 10/√3 · D/T² = 1.443 m/s² at the start.
        var m = quietMotion(start: BodyPose(pitch: 0))
        m.key(BodyPose(pitch: 0), at: 1)
        m.key(BodyPose(pitch: 0, position: Vector3(0, 0, 1)), at: 3)
        // Segment frame = world frame here (pitch 0, no rotation): the z reading is g + a.
        let t = 1 + 2 * (0.5 - 3.0.squareRoot() / 6)  // where min-jerk acceleration peaks
        let f = m.specificForce(at: t)
        #expect(abs(f.z - BodyMotion.gravity - 10 / 3.0.squareRoot() / 4) < 1e-3)
        // Halfway, acceleration is zero.
        #expect(abs(m.specificForce(at: 2).z - BodyMotion.gravity) < 1e-3)
    }

    @Test func tiltingThroughAPitchChangesTheDirectionOfGravity() {
        var m = quietMotion(start: BodyPose(pitch: 45))
        m.key(BodyPose(pitch: 45), at: 1)
        m.key(BodyPose(pitch: 25), at: 3)
        let before = m.specificForce(at: 0.5).normalized!
        let after = m.specificForce(at: 4).normalized!
        let angle = acosDegrees(before.dot(after))
        #expect(abs(angle - 20) < 1e-6)
    }

    @Test func fidgetReturnsToWhereItStarted() {
        var m = quietMotion(start: BodyPose(pitch: 10))
        m.add(Disturbance(start: 1, end: 2, kind: .fidget(pitch: 5, roll: 0, lean: 0, shift: .zero)))
        let before = m.specificForce(at: 0.5), during = m.specificForce(at: 1.5), after = m.specificForce(at: 2.5)
        #expect((before - after).length < 1e-9)
        #expect(acosDegrees(before.normalized!.dot(during.normalized!)) > 4)
    }

    func acosDegrees(_ c: Double) -> Double {
        // acos without Foundation, by bisection; plenty for a test.
        var lo = 0.0, hi = Double.pi
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if cosine(mid) > c { lo = mid } else { hi = mid }
        }
        return lo * 180 / .pi
    }

    func cosine(_ x: Double) -> Double { Rotation.aboutZ(x * 180 / .pi).r0.x }
}

@Suite struct BodyMotionImpactTests {
    @Test func landingJoltIsSmoothAndOfTheAskedSize() {
        var r = SimulationRandom(seed: 1)
        var m = BodyMotion(start: BodyPose(pitch: 0), lever: .zero, random: &r)
        m.breathingAmplitude = 0
        m.restSway = 0
        m.restTremor = 0
        let width = 0.03
        let jolt = Disturbance.impact(start: 1, peak: 2, frequencyHz: 8, width: width)
        m.add(jolt)
        var largest = 0.0
        var t = 0.9
        while t < 1.3 {
            let a = m.specificForce(at: t).z - BodyMotion.gravity
            largest = max(largest, abs(a))
            t += 0.0005
        }
        // Near the asked 2 m/s² (the narrow envelope adds a little), never a spike.
        #expect(largest > 1 && largest < 5)
        // Nothing at the edges: it starts and ends at rest.
        #expect(abs(m.specificForce(at: 1.001).z - BodyMotion.gravity) < 0.05)
        #expect(abs(m.specificForce(at: jolt.end - 0.001).z - BodyMotion.gravity) < 0.05)
    }
}
