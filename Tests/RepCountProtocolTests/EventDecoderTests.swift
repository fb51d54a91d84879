import Foundation
import RepCountCore
import Testing

@testable import RepCountProtocol

@Suite struct EventDecoderTests {
    /// Values already on the millisecond grid so the round trip is exact.
    static let events: [WireEvent] = [
        .state(.settling, time: 0),
        .state(.holding, time: 13.25),
        .holdTargetReached(time: 19.25, holdSeconds: 6),
        .rep(
            Rep(
                set: 1, number: 3, start: 12.1, holdStart: 13.25, holdEnd: 19.45, end: 20.4, holdSeconds: 6.2,
                targetHoldSeconds: 6, side: nil, peakDegrees: 17.46)),
        .rep(
            Rep(
                set: 2, number: 1, start: 100, holdStart: 101.5, holdEnd: 104, end: 105.125, holdSeconds: 2.5,
                targetHoldSeconds: 5, side: .right, peakDegrees: 3.5)),
        .set(SetReport(set: 1, reps: 10, start: 3.2, end: 120.75, meanHoldSeconds: 6.125, shortReps: 2)),
        .set(SetReport(set: 1, reps: 3, start: 3.2, end: 20, meanHoldSeconds: 5, shortReps: 0, leftReps: 1, rightReps: 2)),
        .summary(
            SessionSummary(
                exercise: .birdDog, placement: .lowerBack, targets: Targets(holdSeconds: 5, reps: 10, sets: 1),
                sets: [SetReport(set: 1, reps: 3, start: 3.2, end: 20, meanHoldSeconds: 5, shortReps: 0, leftReps: 1, rightReps: 2)]
            )),
        .summary(SessionSummary(exercise: .bridge, placement: .thigh, targets: Targets(holdSeconds: 0, reps: 15, sets: 3))),
    ]

    @Test(arguments: events)
    func roundTrip(_ event: WireEvent) throws {
        #expect(try EventDecoder.decode(EventEncoder.line(event)) == event)
    }

    @Test func memberOrderDoesNotMatterAndUnknownMembersAreIgnored() throws {
        let line = #"{"time":4.5,"extra":[1,2],"state":"rest","type":"state"}"#
        #expect(try EventDecoder.decode(line) == .state(.rest, time: 4.5))
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: EventDecodingError.notAnObject) { try EventDecoder.decode("[1]") }
        #expect(throws: EventDecodingError.missingType) { try EventDecoder.decode(#"{"state":"rest"}"#) }
        #expect(throws: EventDecodingError.unknownType("hello")) { try EventDecoder.decode(#"{"type":"hello"}"#) }
        #expect(throws: EventDecodingError.missingField(type: "state", field: "time")) {
            try EventDecoder.decode(#"{"type":"state","state":"rest"}"#)
        }
        #expect(throws: EventDecodingError.invalidField(type: "state", field: "time", expected: "a number")) {
            try EventDecoder.decode(#"{"type":"state","state":"rest","time":true}"#)
        }
        #expect(throws: EventDecodingError.invalidField(type: "rep", field: "set", expected: "an integer")) {
            var line = EventEncoder.line(Self.events[3])
            line = line.replacingOccurrences(of: #""set":1"#, with: #""set":1.5"#)
            return try EventDecoder.decode(line)
        }
        #expect(throws: EventDecodingError.invalidField(type: "state", field: "state", expected: "settling, rest, moving or holding")) {
            try EventDecoder.decode(#"{"type":"state","state":"jumping","time":1}"#)
        }
        do {
            _ = try EventDecoder.decode("{not json")
            Issue.record("expected an error")
        } catch {
            if case .notJSON = error {} else { Issue.record("got \(error)") }
        }
    }
}
