import Testing
@testable import RepCountCore

@Suite struct GlitchFilterTests {
    let g = Vector3(0.3, -0.2, 9.8)

    /// Runs `samples` through a filter, flushing at the end.
    func filtered(_ samples: [Sample]) -> [Sample] {
        var f = GlitchFilter()
        var out = samples.compactMap { f.feed($0) }
        if let last = f.flush() { out.append(last) }
        return out
    }

    func samples(_ accels: [Vector3], step: Double = 0.01) -> [Sample] {
        accels.enumerated().map { Sample(time: Double($0.offset) * step, accel: $0.element) }
    }

    @Test func everySampleComesOutOnceInOrder() {
        let input = samples((0..<10).map { g + Vector3(Double($0) * 0.01, 0, 0) })
        #expect(filtered(input) == input)
    }

    /// Stress bridge-thigh-03: one 25 m/s^2 sample in a still hold is a glitch; it is
    /// replaced by the mean of its neighbours, its time kept.
    @Test func aOneSampleJumpItsNeighboursDoNotShareIsRepaired() {
        let input = samples([g, g, g + Vector3(-8, 5, 13), g + Vector3(0.05, 0, 0), g])
        let out = filtered(input)
        #expect(out.count == input.count)
        #expect(out.map(\.time) == input.map(\.time))
        #expect((out[2].accel - (g + Vector3(0.025, 0, 0))).length < 1e-12)
    }

    /// MEx s08 at 52.77 s: a knock rings, +2.2 g then -0.6 g; the sample after the jump
    /// does not agree with the one before, so it is motion and passes unchanged.
    @Test func aKnockThatRingsIsLeftAlone() {
        let input = samples([g, g, g + Vector3(3, 4, 13), g + Vector3(-1, -1, -6), g, g])
        #expect(filtered(input) == input)
    }

    /// Half a g is within what a limb does in a jolt; only jumps of a g or more are suspect.
    @Test func aSmallerJumpIsLeftAlone() {
        let input = samples([g, g, g + Vector3(0, 0, 5), g, g])
        #expect(filtered(input) == input)
    }

    /// Neighbours a gap apart (a sensor unplugged and back) are not compared.
    @Test func neighboursAcrossAGapAreNotCompared() {
        var input = samples([g, g, g + Vector3(0, 0, 15)])
        input.append(Sample(time: 5, accel: g))
        #expect(filtered(input) == input)
    }
}
