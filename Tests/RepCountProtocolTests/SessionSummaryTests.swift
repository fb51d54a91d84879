import RepCountCore
import Testing

@testable import RepCountProtocol

@Suite struct SessionSummaryTests {
    static func rep(_ number: Int, hold: Double, target: Double = 6, side: Side? = nil) -> Rep {
        Rep(
            set: 1, number: number, start: Double(number) * 10, holdStart: Double(number) * 10 + 1,
            holdEnd: Double(number) * 10 + 1 + hold, end: Double(number) * 10 + 2 + hold, holdSeconds: hold,
            targetHoldSeconds: target, side: side, peakDegrees: 20)
    }

    @Test func totalsAreOverEveryRepNotEverySet() {
        var summary = SessionSummary(configuration: PipelineConfiguration(exercise: .bridge))
        // Set 1: three reps of 6 s; set 2: one rep of 2 s. Mean over reps is 5 s, not (6 + 2) / 2.
        summary.record(.setEnded(SetSummary(index: 1, reps: [Self.rep(1, hold: 6), Self.rep(2, hold: 6), Self.rep(3, hold: 6)], start: 10, end: 40)))
        summary.record(.setEnded(SetSummary(index: 2, reps: [Self.rep(1, hold: 2)], start: 100, end: 110)))
        #expect(summary.reps == 4)
        #expect(summary.shortReps == 1)
        #expect(summary.meanHoldSeconds == 5)
        #expect(summary.sets.map(\.set) == [1, 2])
    }

    @Test func onlySetEventsChangeIt() {
        var summary = SessionSummary(configuration: PipelineConfiguration(exercise: .wallSit))
        summary.record(.rep(Self.rep(1, hold: 10)))
        summary.record(.state(.holding, time: 3))
        summary.record(.holdTargetReached(time: 13, holdSeconds: 10))
        #expect(summary.sets.isEmpty)
        #expect(summary.reps == 0)
        #expect(summary.meanHoldSeconds == nil)
    }

    @Test func setReportCountsShortRepsAndSides() {
        let report = SetReport(
            SetSummary(
                index: 3,
                reps: [Self.rep(1, hold: 5, target: 5, side: .right), Self.rep(2, hold: 4.9, target: 5, side: .left), Self.rep(3, hold: 7, target: 5, side: .right)],
                start: 10, end: 50))
        #expect(report.set == 3)
        #expect(report.reps == 3)
        #expect(report.shortReps == 1)  // 5 s against 5 s is not short; 4.9 s is
        #expect(report.rightReps == 2 && report.leftReps == 1)
        #expect(report.hasSides)
        #expect(abs((report.meanHoldSeconds ?? 0) - 16.9 / 3) < 1e-12)
    }
}
