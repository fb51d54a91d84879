import Testing
@testable import RepCountSimulation

@Suite struct MinimumJerkTests {
    @Test(arguments: [-0.6, -0.3, 0, 0.3, 0.6])
    func startsAndEndsAtRestAndNeverTurnsBack(skew: Double) {
        #expect(MinimumJerk.progress(0, skew: skew) == 0)
        #expect(abs(MinimumJerk.progress(1, skew: skew) - 1) < 1e-12)
        var previous = 0.0
        for i in 1...1000 {
            let p = MinimumJerk.progress(Double(i) / 1000, skew: skew)
            #expect(p >= previous - 1e-15)
            previous = p
        }
        // Zero velocity at both ends: tiny progress in the first and last 1 %.
        #expect(MinimumJerk.progress(0.01, skew: skew) < 1e-4)
        #expect(1 - MinimumJerk.progress(0.99, skew: skew) < 1e-4)
    }

    @Test func unskewedProfileIsSymmetric() {
        #expect(abs(MinimumJerk.progress(0.5) - 0.5) < 1e-12)
        #expect(abs(MinimumJerk.progress(0.25) + MinimumJerk.progress(0.75) - 1) < 1e-12)
    }

    @Test func positiveSkewMovesEarlier() {
        #expect(MinimumJerk.progress(0.4, skew: 0.4) > MinimumJerk.progress(0.4))
        #expect(MinimumJerk.progress(0.4, skew: -0.4) < MinimumJerk.progress(0.4))
    }
}
