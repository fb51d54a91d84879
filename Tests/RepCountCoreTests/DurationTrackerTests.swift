import Testing
@testable import RepCountCore

@Suite struct DurationTrackerTests {
    /// What `isTooBrief` answers for each of `durations` in turn, at 0.4 of the typical.
    private func brief(_ durations: [Double], _ tracker: inout DurationTracker) -> [Bool] {
        durations.map { tracker.isTooBrief($0, fraction: 0.4) }
    }

    @Test func judgesOnlyOnceThereAreEnoughReps() {
        var d = DurationTracker()
        d.record(8)
        d.record(8)
        #expect(d.typical == nil)
        #expect(brief([1], &d) == [false])
        d.record(8)
        #expect(d.typical == 8)
        #expect(brief([3, 3.5], &d) == [true, false])
    }

    /// A person who speeds up from slow reps to quick ones is not locked out: the third
    /// quick rep in a row counts and sets the pace.
    @Test func aRunOfSimilarBriefOnesTakesOver() {
        var d = DurationTracker()
        for _ in 0..<5 { d.record(8) }
        #expect(brief([2.5, 2.8, 2.6], &d) == [true, true, false])
        #expect(d.typical == 2.6)
    }

    @Test func aCountedRepBreaksTheRun() {
        var d = DurationTracker()
        for _ in 0..<5 { d.record(8) }
        #expect(brief([2.5, 2.5], &d) == [true, true])
        d.record(8)
        #expect(brief([2.5], &d) == [true])
        #expect(d.typical == 8)
    }
}
