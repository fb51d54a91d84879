import Testing
@testable import RepCountCore

@Suite struct DirectionModelTests {
    let forward = Vector3(0, 1, 0)
    let sideways = Vector3(1, 0, 0)

    @Test func acceptsAnythingUntilTwoRepsThenOnlyTheirDirection() {
        var d = DirectionModel()
        var ok = d.accepts(sideways, maximumDegrees: 50)
        #expect(ok)
        d.record(forward)
        d.record(Vector3(0.1, 0.99, 0).normalized!)
        ok = d.accepts(Vector3(0.3, 0.95, 0).normalized!, maximumDegrees: 50)
        #expect(ok)
        ok = d.accepts(sideways, maximumDegrees: 50)
        #expect(!ok, "knees rolling sideways is not a bridge")
    }

    /// `agrees` asks without learning: repeated asks never take over.
    @Test func agreesDoesNotLearnFromWhatItIsAsked() {
        var d = DirectionModel()
        #expect(d.agrees(sideways, maximumDegrees: 50), "nothing learnt yet")
        d.record(forward)
        d.record(forward)
        for _ in 0..<10 { #expect(!d.agrees(sideways, maximumDegrees: 50)) }
        #expect(d.agrees(forward, maximumDegrees: 50))
        let ok = d.accepts(sideways, maximumDegrees: 50)
        #expect(!ok, "no rejections were remembered")
    }

    @Test func consistentRejectionsTakeOverFromOddFirstReps() {
        var d = DirectionModel()
        // Two odd excursions were counted first; the real reps go another way.
        d.record(sideways)
        d.record(sideways)
        var ok = d.accepts(forward, maximumDegrees: 50)
        #expect(!ok)
        ok = d.accepts(forward, maximumDegrees: 50)
        #expect(ok, "the second consistent rep takes over")
        d.record(forward)
        ok = d.accepts(forward, maximumDegrees: 50)
        #expect(ok)
    }

    /// Stress bridge-thigh-01: three knee rolls between sets, all the same way, must
    /// not replace the direction of a set of bridges; a fourth consistent one does
    /// (the strap has turned for good).
    @Test func anEstablishedDirectionOutlastsTheKneeRollsOfABreak() {
        var d = DirectionModel()
        for _ in 0..<10 { d.record(forward) }
        for roll in 1...3 {
            let ok = d.accepts(sideways, maximumDegrees: 50)
            #expect(!ok, "knee roll \(roll)")
        }
        var ok = d.accepts(forward, maximumDegrees: 50)
        #expect(ok)
        d.record(forward)
        for _ in 1...3 { _ = d.accepts(sideways, maximumDegrees: 50) }
        ok = d.accepts(sideways, maximumDegrees: 50)
        #expect(ok, "the fourth consistent rejection takes over")
    }
}
