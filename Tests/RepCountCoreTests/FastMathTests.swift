import Foundation
import Testing
@testable import RepCountCore

@Suite struct FastMathTests {
    @Test func atan2MatchesTheCLibraryInEveryQuadrant() {
        for y in stride(from: -3.0, through: 3.0, by: 0.37) {
            for x in stride(from: -3.0, through: 3.0, by: 0.41) {
                #expect(abs(FastMath.atan2(y, x) - Foundation.atan2(y, x)) < 1e-10, "atan2(\(y), \(x))")
            }
        }
        #expect(FastMath.atan2(1, 0) == Double.pi / 2)
        #expect(FastMath.atan2(0, 0) == 0)
    }

    @Test func expNegativeMatchesTheCLibrary() {
        for x in stride(from: 0.0, through: 40, by: 0.173) {
            let want = Foundation.exp(-x)
            #expect(abs(FastMath.expNegative(x) - want) <= 1e-12 + 1e-10 * want, "exp(-\(x))")
            #expect(abs(FastMath.oneMinusExpNegative(x) - (1 - want)) <= 1e-10 * (1 - want) + 1e-15, "1 - exp(-\(x))")
        }
        // Small arguments keep their relative precision.
        #expect(abs(FastMath.oneMinusExpNegative(1e-6) / Foundation.expm1(-1e-6) + 1) < 1e-12)
        for x in stride(from: 0.001, through: 0.125, by: 0.001) {
            #expect(abs(FastMath.oneMinusExpNegative(x) / -Foundation.expm1(-x) - 1) < 1e-10, "x = \(x)")
        }
    }

    @Test func angleBetweenVectorsIsPreciseAtSmallAngles() {
        let a = Vector3(0, 0, 1)
        let b = Vector3(0, sin(0.001 * .pi / 180), cos(0.001 * .pi / 180))
        #expect(abs(FastMath.angleDegrees(a, b) - 0.001) < 1e-9)
        #expect(abs(FastMath.angleDegrees(a, Vector3(0, 0, -2)) - 180) < 1e-9)
    }

    @Test func sinOfAngleMatchesTheLibraryOverZeroToPi() {
        for i in 0...1000 {
            let x = Double.pi * Double(i) / 1000
            #expect(abs(FastMath.sinOfAngle(x) - Foundation.sin(x)) < 1e-9, "x = \(x)")
        }
        #expect(FastMath.sinOfAngle(-0.1) == 0, "clamped to [0, pi]")
    }
}
