import RepCountCore
import RepCountRecording
import Testing

@testable import RepCountEvaluation

@Suite struct RecordingScoreTests {
    let labels = Labels(
        exercise: .birdDog, placement: .lowerBack,
        sets: [
            .init(reps: [label(0, 10, hold: 5, side: .right), label(12, 22, hold: 5, side: .left)]),
            .init(reps: [label(100, 110, hold: 5, side: .right), label(112, 122, hold: 5, side: .left)]),
        ])

    @Test func perfectCountScoresOne() {
        let counted = [rep(0, 10, side: .right), rep(12, 22, side: .left), rep(100, 110, side: .right), rep(112, 122, side: .left)]
        let s = RecordingScore(counted: counted, countedSets: 2, labels: labels)
        #expect(s.exactSetRate == 1)
        #expect(s.countMAE == 0)
        #expect(s.f1 == 1)
        #expect(s.holdMAE == 0)
        #expect(s.sideAccuracy == 1)
    }

    @Test func extraRepDuringRestIsChargedToTheNearestSet() {
        let counted = [
            rep(0, 10, side: .right), rep(12, 22, side: .left), rep(30, 35, side: .right),
            rep(100, 110, side: .right), rep(112, 122, side: .left),
        ]
        let s = RecordingScore(counted: counted, countedSets: 2, labels: labels)
        #expect(s.sets == 2)
        #expect(s.exactSets == 1)
        #expect(s.countMAE == 0.5)
        #expect(s.precision == 0.8)
        #expect(s.recall == 1)
    }

    @Test func holdErrorsAndSides() {
        let counted = [rep(0, 10, hold: 4, side: .right), rep(12, 22, hold: 5.5, side: .right)]
        let s = RecordingScore(counted: counted, countedSets: 1, labels: labels)
        #expect(s.recall == 0.5)
        #expect(abs(s.holdMAE - 0.75) < 1e-9)
        #expect(s.holdP90 == 1)
        #expect(s.sideAccuracy == 0.5)
        // Both counted reps fall in the first set (exact), none in the second.
        #expect(s.exactSets == 1)
        #expect(s.countMAE == 1)
    }

    @Test func mergingPoolsCountsNotRatios() {
        let a = RecordingScore(counted: [rep(0, 10)], countedSets: 1, labels: labels)
        let b = RecordingScore(counted: [], countedSets: 0, labels: Labels(exercise: .bridge, placement: .thigh, sets: []))
        let m = a.merging(b)
        #expect(m.labelled == 4)
        #expect(m.counted == 1)
        #expect(m.recall == 0.25)
        #expect(m.precision == 1)
    }
}
