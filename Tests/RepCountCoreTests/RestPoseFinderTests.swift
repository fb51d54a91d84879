import Foundation
import Testing
@testable import RepCountCore

@Suite struct RestPoseFinderTests {
    @Test func thePoseHeldLongestWinsOnceItLeadsClearly() {
        var f = RestPoseFinder(settleSeconds: 3, mergeDegrees: 3)
        let held = Vector3(0, sin(0.3), cos(0.3))
        let rest = Vector3(0, 0, 1)
        // 1.5 s in the held pose (a recording starting mid-hold): not enough.
        var found: Vector3?
        for i in 0...75 { found = f.observe(mean: held, stillSeconds: Double(i) * 0.02, dt: 0.02) ?? found }
        #expect(found == nil)
        // Then 4 s at rest: rest wins, once it has 3 s and 1.5 times the held pose's time.
        for i in 0...200 { found = found ?? f.observe(mean: rest, stillSeconds: Double(i) * 0.02, dt: 0.02) }
        let pose = try! #require(found)
        #expect(FastMath.angleDegrees(pose, rest) < 1e-9)
    }

    @Test func shortStillMomentsDoNotCount() {
        var f = RestPoseFinder(settleSeconds: 3, mergeDegrees: 3)
        for _ in 0..<1000 { #expect(f.observe(mean: Vector3(0, 0, 1), stillSeconds: 0.3, dt: 0.02) == nil) }
    }
}
