import RepCountCore
import RepCountRecording
import Testing

@testable import RepCountEvaluation

func rep(_ start: Double, _ end: Double, hold: Double = 5, side: Side? = nil) -> Rep {
    let mid = (start + end) / 2
    return Rep(
        set: 1, number: 1, start: start, holdStart: mid - hold / 2, holdEnd: mid + hold / 2, end: end,
        holdSeconds: hold, targetHoldSeconds: 6, side: side, peakDegrees: 20)
}

func label(_ start: Double, _ end: Double, hold: Double = 5, side: Side? = nil) -> Labels.LabelledRep {
    let mid = (start + end) / 2
    return Labels.LabelledRep(start: start, holdStart: mid - hold / 2, holdEnd: mid + hold / 2, end: end, side: side)
}

@Suite struct RepMatcherTests {
    @Test func pairsOverlappingRepsOneToOne() {
        let pairs = RepMatcher.match(
            counted: [rep(0, 10), rep(20, 30), rep(50, 55)],
            labelled: [label(1, 11), label(19, 29), label(35, 40)])
        #expect(pairs == [.init(counted: 0, labelled: 0), .init(counted: 1, labelled: 1)])
    }

    @Test func touchingIsNotOverlapping() {
        #expect(RepMatcher.match(counted: [rep(0, 10)], labelled: [label(10, 20)]).isEmpty)
    }

    @Test func aCountedRepSpanningTwoLabelsMatchesOnlyTheLargerOverlap() {
        // One long counted rep over two labelled reps: one match, one miss.
        let pairs = RepMatcher.match(counted: [rep(0, 30)], labelled: [label(2, 10), label(12, 29)])
        #expect(pairs == [.init(counted: 0, labelled: 1)])
    }

    @Test func twoCountedRepsInsideOneLabelGiveOneMatch() {
        let pairs = RepMatcher.match(counted: [rep(0, 4), rep(5, 12)], labelled: [label(0, 12)])
        #expect(pairs == [.init(counted: 1, labelled: 0)])
    }
}
