import Foundation
import Testing
@testable import RepCountCore

@Suite struct RecentPosesTests {
    func pitched(_ degrees: Double) -> Vector3 {
        let r = degrees * .pi / 180
        return Vector3(0, sin(r), cos(r))
    }

    @Test func theNewestPoseFarEnoughIsWhereTheUserCameFrom() {
        var recent = RecentPoses()
        for degrees in [146.0, 20, 0] { recent.note(pitched(degrees)) }
        let found = recent.newest(farFrom: pitched(20), by: 55)
        #expect(found.map { FastMath.angleDegrees($0, pitched(146)) < 1e-9 } == true)
        #expect(recent.newest(farFrom: pitched(20), by: 150) == nil)
    }

    @Test func aPoseWithinTenDegreesOfTheNewestReplacesIt() {
        var recent = RecentPoses()
        recent.note(pitched(90))
        recent.note(pitched(0))
        recent.note(pitched(8))
        // 0 became 8: the pose 60 degrees away is the newest beyond 50 from 68, not 0.
        #expect(recent.newest(farFrom: pitched(68), by: 50).map { FastMath.angleDegrees($0, pitched(8)) < 1e-9 } == true)
        #expect(recent.newest(farFrom: pitched(8), by: 5).map { FastMath.angleDegrees($0, pitched(90)) < 1e-9 } == true)
    }

    @Test func theOldestPoseGoesWhenFull() {
        var recent = RecentPoses()
        for degrees in [180.0, 120, 60, 30, 0] { recent.note(pitched(degrees)) }
        #expect(recent.newest(farFrom: pitched(0), by: 150) == nil, "180 was dropped")
        #expect(recent.newest(farFrom: pitched(0), by: 100).map { FastMath.angleDegrees($0, pitched(120)) < 1e-9 } == true)
    }
}
