import Foundation
import RepCountCore
import Testing

@testable import RepCountRecording
import RepCountTestSupport

@Suite struct LabelsTests {
    static let valid = """
        {
          "exercise": "bird-dog",
          "placement": "lower-back",
          "sets": [
            { "reps": [
                { "start": 3.20, "hold_start": 4.35, "hold_end": 10.40, "end": 11.60, "side": "right" },
                { "start": 13.0, "hold_start": 14.0, "hold_end": 19.0, "end": 20.0, "side": "left" }
            ] }
          ]
        }
        """

    private func failure(_ json: String) throws -> RecordingError? {
        let dir = try TemporaryDirectory()
        let path = try dir.file("x.labels.json", json)
        do {
            _ = try Labels.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsTheSharedFormat() throws {
        let dir = try TemporaryDirectory()
        let labels = try Labels.read(path: try dir.file("a.labels.json", Self.valid))
        #expect(labels.exercise == .birdDog)
        #expect(labels.placement == .lowerBack)
        #expect(labels.sets.count == 1)
        #expect(labels.sets[0].reps[0] == Labels.LabelledRep(start: 3.2, holdStart: 4.35, holdEnd: 10.4, end: 11.6, side: .right))
        #expect(abs(labels.sets[0].reps[0].holdSeconds - 6.05) < 1e-9)
    }

    @Test func labelsPathSitsBesideTheRecording() {
        #expect(Labels.path(forRecording: "Recordings/a.csv") == "Recordings/a.labels.json")
    }

    @Test func missingFile() {
        #expect(throws: RecordingError.cannotOpen(file: "/nonexistent/x.labels.json", reason: "No such file or directory")) {
            _ = try Labels.read(path: "/nonexistent/x.labels.json")
        }
    }

    @Test func schemaMismatchesNameTheField() throws {
        func field(_ json: String) throws -> String? {
            guard case .invalidLabels(_, let field, _)? = try failure(json) else { return nil }
            return field
        }
        #expect(try field("{not json") == "(root)")
        #expect(try field(Self.valid.replacingOccurrences(of: #""hold_end": 10.40, "#, with: "")) == "sets[0].reps[0].hold_end")
        #expect(try field(Self.valid.replacingOccurrences(of: #""start": 13.0"#, with: #""start": "13""#)) == "sets[0].reps[1].start")
        #expect(try field(Self.valid.replacingOccurrences(of: "bird-dog", with: "plank")) == "exercise")
        #expect(try field(Self.valid.replacingOccurrences(of: #""end": 20.0"#, with: #""end": 18.0"#)) == "sets[0].reps[1]")
        #expect(try field(#"{"exercise":"bridge","placement":"thigh"}"#) == "sets")
    }

    @Test func reasonsSayWhatWasExpectedAndFound() throws {
        func message(_ json: String) throws -> String? {
            guard case .invalidLabels(_, let field, let reason)? = try failure(json) else { return nil }
            return "\(field): \(reason)"
        }
        #expect(try message(Self.valid.replacingOccurrences(of: "bird-dog", with: "plank"))
            == "exercise: unknown value 'plank', expected one of 'bridge', 'bird-dog', 'wall-sit'")
        #expect(try message(Self.valid.replacingOccurrences(of: #""left""#, with: #""up""#))
            == "sets[0].reps[1].side: unknown value 'up', expected one of 'left', 'right'")
        #expect(try message(Self.valid.replacingOccurrences(of: #""start": 13.0"#, with: #""start": "13""#))
            == "sets[0].reps[1].start: expected a number, found string")
        #expect(try message(Self.valid.replacingOccurrences(of: #""start": 13.0"#, with: #""start": null"#))
            == "sets[0].reps[1].start: expected a number, found null")
        #expect(try message(#"{"exercise":"bridge","placement":"thigh","sets":[[]]}"#) == "sets[0]: expected an object, found array")
        #expect(try message("[1, 2]") == "(root): expected an object, found array")
        // The parser's position, as a line and column of the file.
        #expect(try message(Self.valid + "\n x") == "(root): not valid JSON: line 11, column 2: unexpected text after the JSON value")
        #expect(try message("") == "(root): not valid JSON: line 1, column 1: unexpected end of input")
    }

    @Test func readsWhatTheFormatAllows() throws {
        // Whole-number times, members the format does not name, and a side
        // that is null or absent.
        let json = #"{"note":"x","exercise":"bridge","placement":"thigh","sets":[{"reps":["#
            + #"{"start":1,"hold_start":2,"hold_end":3,"end":4,"side":null},{"start":5,"hold_start":6,"hold_end":7,"end":8}]}]}"#
        let labels = try Labels.decode(Array(json.utf8), file: "inline")
        #expect(labels == Labels(exercise: .bridge, placement: .thigh, sets: [
            Labels.LabelledSet(reps: [
                Labels.LabelledRep(start: 1, holdStart: 2, holdEnd: 3, end: 4, side: nil),
                Labels.LabelledRep(start: 5, holdStart: 6, holdEnd: 7, end: 8, side: nil),
            ])
        ]))
    }
}
