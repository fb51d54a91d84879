import Foundation
import Testing
@testable import RepCountCore

@Suite struct StillnessDetectorTests {
    func direction(degrees: Double) -> Vector3 {
        Vector3(0, sin(degrees * .pi / 180), cos(degrees * .pi / 180))
    }

    @Test func swayWithinTheBandIsStillAMoveIsNot() {
        var s = StillnessDetector(bandDegrees: 1.5)
        for i in 0..<100 {
            // 0.5 degree sway at 0.25 Hz (breathing).
            s.update(direction: direction(degrees: 0.5 * sin(Double(i) * 0.0314)), time: Double(i) * 0.02)
        }
        #expect(abs(s.stillSeconds - 1.98) < 1e-9)
        // A slow ramp of 3 deg/s leaves the band within a second.
        for i in 0..<50 { s.update(direction: direction(degrees: 3 * Double(i) * 0.02), time: 2 + Double(i) * 0.02) }
        #expect(s.stillSeconds < 1)
    }
}
