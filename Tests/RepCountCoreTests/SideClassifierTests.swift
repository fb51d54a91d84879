import Testing
@testable import RepCountCore

@Suite struct SideClassifierTests {
    let rollA = Vector3(1, 0, 0.2).normalized!
    let rollB = Vector3(-1, 0, 0.2).normalized!

    @Test func firstRepIsTheFirstSideThenTheSignDecides() {
        var c = SideClassifier()
        // Not alternating: A, A, B, B, A.
        let sides = [rollA, rollA, rollB, rollB, rollA].map { c.classify($0, firstSide: .right) }
        #expect(sides == [.right, .right, .left, .left, .right])
    }

    @Test func eachSetStartsWithTheFirstSide() {
        var c = SideClassifier()
        _ = c.classify(rollA, firstSide: .right)
        _ = c.classify(rollB, firstSide: .right)
        c.startSet()
        // The new set starts with the other roll direction: it is the right leg now.
        #expect(c.classify(rollB, firstSide: .right) == .right)
        #expect(c.classify(rollA, firstSide: .right) == .left)
    }

    @Test func aCommonForwardTiltDoesNotHideTheRoll() {
        var c = SideClassifier()
        let a = Vector3(0.6, 0, 0.8).normalized!
        let b = Vector3(-0.6, 0, 0.8).normalized!  // 74 degrees apart
        #expect([a, b, a].map { c.classify($0, firstSide: .left) } == [.left, .right, .left])
    }
}
