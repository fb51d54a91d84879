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

    /// Stress lower-back-05: rocking back on all fours rolls the pelvis a third way,
    /// far from both sides; it fits once each side has two reps in this set.
    @Test func aThirdDirectionDoesNotFitOnceBothSidesAreKnown() {
        var c = SideClassifier()
        let rock = Vector3(0, 1, 0.2).normalized!
        #expect(c.fits(rock), "nothing known yet")
        for d in [rollA, rollB, rollA] { _ = c.classify(d, firstSide: .right) }
        #expect(c.fits(rock), "one side has a single rep")
        _ = c.classify(rollB, firstSide: .right)
        #expect(!c.fits(rock))
        #expect(c.fits(rollA) && c.fits(rollB))
        c.startSet()
        #expect(c.fits(rock), "a new set: the strap may have turned in the break")
    }
}
