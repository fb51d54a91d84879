import RepCountCore
import Testing
@testable import RepCountSimulation

@Suite struct RotationTests {
    func close(_ a: Vector3, _ b: Vector3, _ tol: Double = 1e-12) -> Bool { (a - b).length < tol }

    @Test func elementaryRotationsTurnTheRightWay() {
        #expect(close(Rotation.aboutZ(90).apply(Vector3(1, 0, 0)), Vector3(0, 1, 0)))
        #expect(close(Rotation.aboutX(90).apply(Vector3(0, 1, 0)), Vector3(0, 0, 1)))
        #expect(close(Rotation.aboutY(90).apply(Vector3(0, 0, 1)), Vector3(1, 0, 0)))
    }

    @Test func transposeUndoesTheRotation() {
        var r = SimulationRandom(seed: 9)
        for _ in 0..<100 {
            let q = Rotation.uniform(using: &r)
            let v = Vector3(r.normal(), r.normal(), r.normal())
            #expect(close(q.applyTransposed(q.apply(v)), v, 1e-12))
        }
    }

    @Test func uniformRotationsAreProperAndSpread() {
        var r = SimulationRandom(seed: 10)
        var meanUp = Vector3.zero
        let n = 4000
        for _ in 0..<n {
            let q = Rotation.uniform(using: &r)
            // Orthonormal rows, determinant +1.
            #expect(abs(q.r0.length - 1) < 1e-12 && abs(q.r0.dot(q.r1)) < 1e-12)
            #expect(abs(q.r0.cross(q.r1).dot(q.r2) - 1) < 1e-12)
            meanUp += q.apply(Vector3(0, 0, 1))
        }
        // Uniform over orientations: the image of a fixed axis averages to ~0.
        #expect((meanUp * (1 / Double(n))).length < 0.05)
    }

    @Test func productComposesRightToLeft() {
        let a = Rotation.aboutZ(90), b = Rotation.aboutX(90)
        let v = Vector3(0, 1, 0)
        #expect(close((a * b).apply(v), a.apply(b.apply(v))))
    }

    @Test func axisAngleAgreesWithTheElementaryRotations() {
        let a = Rotation.about(axis: Vector3(1, 0, 0), degrees: 37), b = Rotation.aboutX(37)
        let v = Vector3(0.3, -1, 2)
        #expect(close(a.apply(v), b.apply(v)))
        let k = Vector3(1, 2, 2) * (1.0 / 3)
        #expect(close(Rotation.about(axis: k, degrees: 50).apply(k), k))
    }
}
