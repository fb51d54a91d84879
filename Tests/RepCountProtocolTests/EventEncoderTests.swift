import Foundation
import RepCountCore
import RepCountJSON
import Testing

@testable import RepCountProtocol

@Suite struct EventEncoderTests {
    static let rep = Rep(
        set: 1, number: 3, start: 12.1, holdStart: 13.25, holdEnd: 19.45, end: 20.4, holdSeconds: 6.2,
        targetHoldSeconds: 6, side: nil, peakDegrees: 17.456)

    @Test func repLineHasTheSharedFieldsFirst() {
        let line = EventEncoder.line(.rep(Self.rep))
        #expect(
            line
                == #"{"type":"rep","set":1,"rep":3,"start":12.1,"end":20.4,"hold_s":6.2,"side":null,"hold_start":13.25,"hold_end":19.45,"target_hold_s":6,"short":false,"peak_deg":17.46}"#
                + "\n")
    }

    @Test func shortRepIsMarkedAndSideIsAString() throws {
        var rep = Self.rep
        rep.holdSeconds = 4.5
        rep.side = .left
        let object = try EventDecoder.fields(Array(EventEncoder.line(.rep(rep)).utf8))
        #expect(object["short"]?.bool == true)
        #expect(object["side"]?.string == "left")
    }

    @Test func stateAndHoldTargetLines() {
        #expect(EventEncoder.line(.state(.holding, time: 13.2504)) == #"{"type":"state","state":"holding","time":13.25}"# + "\n")
        #expect(
            EventEncoder.line(.holdTargetReached(time: 19.25, holdSeconds: 6.0004))
                == #"{"type":"hold_target_reached","time":19.25,"hold_s":6}"# + "\n")
    }

    @Test func setLineFromPipelineSummary() throws {
        var short = Self.rep
        short.number = 4
        short.holdSeconds = 3
        let summary = SetSummary(index: 2, reps: [Self.rep, short], start: 12.1, end: 30)
        let line = EventEncoder.line(WireEvent(.setEnded(summary)))
        #expect(line == #"{"type":"set","set":2,"reps":2,"start":12.1,"end":30,"mean_hold_s":4.6,"short_reps":1}"# + "\n")
    }

    @Test func birdDogSetsCountSides() throws {
        var left = Self.rep
        left.side = .left
        var right = Self.rep
        right.side = .right
        let report = SetReport(SetSummary(index: 1, reps: [right, left, right], start: 0, end: 1))
        #expect(report.leftReps == 1 && report.rightReps == 2)
        let object = try EventDecoder.fields(Array(EventEncoder.line(.set(report)).utf8))
        #expect(object["left_reps"]?.int == 1)
        #expect(object["right_reps"]?.int == 2)
    }

    @Test func summaryLineMatchesTheSharedShape() throws {
        var summary = SessionSummary(configuration: PipelineConfiguration(exercise: .bridge))
        summary.record(.rep(Self.rep))  // reps alone do not change the summary
        #expect(summary.sets.isEmpty)
        summary.record(.setEnded(SetSummary(index: 1, reps: [Self.rep], start: 12.1, end: 20.4)))
        let line = EventEncoder.line(.summary(summary))
        #expect(
            line
                == #"{"type":"summary","exercise":"bridge","placement":"thigh","sets":[{"set":1,"reps":1,"start":12.1,"end":20.4,"mean_hold_s":6.2,"short_reps":0}],"reps":1,"short_reps":0,"mean_hold_s":6.2,"target_hold_s":6,"target_reps":10,"target_sets":3}"#
                + "\n")
    }

    @Test func emptySessionSummaryHasNullMean() throws {
        let summary = SessionSummary(configuration: PipelineConfiguration(exercise: .wallSit))
        let object = try EventDecoder.fields(Array(EventEncoder.line(.summary(summary)).utf8))
        #expect(object["mean_hold_s"]?.isNull == true)
        #expect(object["reps"]?.int == 0)
        #expect(object["sets"]?.array?.isEmpty == true)
    }

    @Test func outputIsDeterministic() {
        var a = JSONWriter()
        var b = JSONWriter()
        for event in [WireEvent.rep(Self.rep), .state(.rest, time: 1), .holdTargetReached(time: 2, holdSeconds: 6)] {
            EventEncoder.encode(event, into: &a)
            EventEncoder.encode(event, into: &b)
        }
        #expect(a.bytes == b.bytes)
        #expect(a.string.split(separator: "\n").count == 3)
    }
}
