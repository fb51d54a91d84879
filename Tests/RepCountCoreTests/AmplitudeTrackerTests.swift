import Testing
@testable import RepCountCore

@Suite struct AmplitudeTrackerTests {
    @Test func priorThenMedianOfTheLastEight() {
        var a = AmplitudeTracker(prior: 9)
        #expect(a.typical == 9)
        a.record(20)
        #expect(a.typical == 20)
        a.record(10)
        #expect(a.typical == 15)
        for p in [30.0, 12, 14, 16, 18, 100] { a.record(p) }
        // 20 10 30 12 14 16 18 100 -> median of 16 and 18.
        #expect(a.typical == 17)
        a.record(16)  // replaces the oldest (20): 16 10 30 12 14 16 18 100
        #expect(a.typical == 16)
    }

    @Test func largestIsTheBiggestRememberedPeakOrThePrior() {
        var a = AmplitudeTracker(prior: 9)
        #expect(a.largest == 9)
        for p in [12.0, 30, 11] { a.record(p) }
        #expect(a.largest == 30)
        for _ in 0..<AmplitudeTracker.memory { a.record(10) }
        #expect(a.largest == 10, "forgotten once out of memory")
    }
}
