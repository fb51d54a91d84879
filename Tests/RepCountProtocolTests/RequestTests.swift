import RepCountCore
import RepCountJSON
import Testing

@testable import RepCountProtocol

@Suite struct RequestTests {
    func parse(_ text: String) throws(RequestError) -> (Request, RequestID?) {
        try Request.parse(line: Array(text.utf8))
    }

    @Test func parsesEveryRequestWithItsMembers() throws {
        #expect(try parse(#"{"request":"status"}"#) == (.status, nil))
        #expect(try parse(#"{"id":3,"request":"watch","motion":true}"#) == (.watch(motion: true), .number(3)))
        #expect(try parse(#"{"id":"a","request":"watch"}"#) == (.watch(motion: false), .string("a")))
        #expect(try parse(#"{"request":"unwatch"}"#).0 == .unwatch)
        #expect(try parse(#"{"request":"stop","extra":[1,2]}"#).0 == .stop)
        #expect(try parse(#"{"request":"next","id":null}"#) == (.next, nil))
        #expect(
            try parse(#"{"request":"start","exercise":"bird-dog","reps":8,"hold_s":4.5,"sets":2,"placement":"hip"}"#).0
                == .start(StartRequest(exercise: .birdDog, placement: .hip, reps: 8, holdSeconds: 4.5, sets: 2)))
        #expect(try parse(#"{"request":"start"}"#).0 == .start(StartRequest()))
        #expect(
            try parse(#"{"request":"history","from":100,"to":200.5,"exercise":"wall-sit","limit":5}"#).0
                == .history(from: 100, to: 200.5, exercise: .wallSit, limit: 5))
    }

    @Test(arguments: [
        ("nope", "bad_json", "not JSON"),
        ("{\"request\":\"status\"", "bad_json", "unterminated object"),
        ("\"status\"", "bad_request", "got string"),
        ("{\"id\":true,\"request\":\"status\"}", "bad_request", "\"id\" must be a string or a number"),
        ("{\"id\":1}", "bad_request", "missing \"request\""),
        ("{\"request\":5}", "bad_request", "\"request\" must be a string"),
        ("{\"request\":\"jump\"}", "unknown_request", "unknown request \"jump\""),
        ("{\"request\":\"watch\",\"motion\":\"yes\"}", "bad_request", "\"motion\" must be true or false"),
        ("{\"request\":\"start\",\"exercise\":\"plank\"}", "bad_request", "unknown exercise \"plank\""),
        ("{\"request\":\"start\",\"exercise\":3}", "bad_request", "\"exercise\" must be a string"),
        ("{\"request\":\"start\",\"reps\":2.5}", "bad_request", "\"reps\" must be a whole number"),
        ("{\"request\":\"start\",\"sets\":0}", "bad_request", "\"sets\" must be a whole number from 1"),
        ("{\"request\":\"start\",\"hold_s\":-1}", "bad_request", "\"hold_s\" must be from 0 to 600"),
        ("{\"request\":\"history\",\"from\":\"monday\"}", "bad_request", "\"from\" must be a number"),
        ("{\"request\":\"history\",\"from\":9,\"to\":1}", "bad_request", "is before"),
    ])
    func refusesWithCodeAndMessage(text: String, code: String, message: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == code)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func errorsCarryTheIdWhenItCouldBeRead() {
        #expect(throws: RequestError.self) { _ = try parse(#"{"id":"x7","request":"start","reps":"ten"}"#) }
        do { _ = try parse(#"{"id":"x7","request":"start","reps":"ten"}"#) } catch { #expect(error.id == .string("x7")) }
        do { _ = try parse(#"{"id":9,"request":"fly"}"#) } catch { #expect(error.id == .number(9)) }
    }

    @Test func encodedRequestsParseBackToThemselves() throws {
        let requests: [Request] = [
            .watch(motion: true), .watch(motion: false), .unwatch, .status, .stop, .next,
            .start(StartRequest(exercise: .bridge, placement: .thigh, reps: 12, holdSeconds: 6.5, sets: 3)),
            .start(StartRequest()),
            .history(from: 1_700_000_000, to: 1_700_086_400, exercise: .birdDog, limit: 3),
            .history(from: nil, to: nil, exercise: nil, limit: nil),
        ]
        for (i, request) in requests.enumerated() {
            var w = JSONWriter()
            request.encode(id: .number(Double(i)), into: &w)
            #expect(w.bytes.last == UInt8(ascii: "\n"))
            let (parsed, id) = try Request.parse(line: w.bytes.dropLast())
            #expect(parsed == request)
            #expect(id == .number(Double(i)))
        }
    }
}
