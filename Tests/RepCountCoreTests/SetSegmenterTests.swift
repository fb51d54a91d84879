import Testing
@testable import RepCountCore

@Suite struct SetSegmenterTests {
    func rep(_ start: Double, _ end: Double) -> Rep {
        Rep(set: 1, number: 1, start: start, holdStart: start + 1, holdEnd: end - 1, end: end,
            holdSeconds: end - start - 2, targetHoldSeconds: 6, side: nil, peakDegrees: 10)
    }

    @Test func aLongRestEndsTheSet() {
        var s = SetSegmenter()
        #expect(!s.restEndsSet(at: 100, gapSeconds: 30), "no reps, no set to end")
        s.add(rep(0, 10))
        s.add(rep(15, 25))
        #expect(!s.restEndsSet(at: 54, gapSeconds: 30))
        #expect(s.restEndsSet(at: 55, gapSeconds: 30))
        let ended = s.endSet()
        let summary = try! #require(ended)
        #expect(summary.index == 1 && summary.reps.count == 2 && summary.start == 0 && summary.end == 25)
        #expect(s.index == 2 && s.reps.isEmpty)
        #expect(s.endSet() == nil)
    }
}
