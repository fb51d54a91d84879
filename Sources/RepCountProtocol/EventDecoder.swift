import RepCountCore
import RepCountJSON

/// Reads JSON lines of the event stream back into `WireEvent`s, for clients
/// and tests. Member order does not matter and unknown members are ignored,
/// as `docs/formats.md` promises readers.
///
/// Uses the protocol's own `JSONValue` parser rather than Foundation's
/// `JSONSerialization`, so that nothing linked into `repcountd` pulls in
/// Foundation and its ICU data (about 8 MiB of the daemon's idle RSS).
public enum EventDecoder {
    /// Decodes one line (trailing newline allowed).
    public static func decode(_ line: String) throws(EventDecodingError) -> WireEvent {
        try decode(line.utf8)
    }

    /// Decodes one JSON object from its UTF-8 bytes (e.g. `Data`, `[UInt8]`).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws(EventDecodingError) -> WireEvent
    where Bytes.Element == UInt8 {
        let object = try fields(bytes)
        guard let type = object["type"]?.string else { throw .missingType }
        let o = Fields(type: type, values: object)
        switch type {
        case "state":
            let name = try o.string("state")
            guard let state = MovementState(rawValue: name) else {
                throw .invalidField(type: type, field: "state", expected: "settling, rest, moving or holding")
            }
            return .state(state, time: try o.double("time"))
        case "hold_target_reached":
            return .holdTargetReached(time: try o.double("time"), holdSeconds: try o.double("hold_s"))
        case "rep":
            return .rep(try rep(o))
        case "set":
            return .set(try setReport(o))
        case "summary":
            return .summary(try summary(o))
        default:
            throw .unknownType(type)
        }
    }

    /// Parses one line into its members, for clients that want the raw
    /// dictionary (e.g. to handle types this version does not know).
    public static func fields<Bytes: Collection>(_ bytes: Bytes) throws(EventDecodingError) -> [String: JSONValue]
    where Bytes.Element == UInt8 {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(bytes)
        } catch {
            throw .notJSON(reason: error.description)
        }
        guard let object = parsed.object else { throw .notAnObject }
        return object
    }

    private static func rep(_ o: Fields) throws(EventDecodingError) -> Rep {
        let side: Side?
        switch o.values["side"] {
        case nil: throw .missingField(type: o.type, field: "side")
        case .null: side = nil
        case let .string(name):
            guard let s = Side(rawValue: name) else {
                throw .invalidField(type: o.type, field: "side", expected: "\"left\", \"right\" or null")
            }
            side = s
        default: throw .invalidField(type: o.type, field: "side", expected: "\"left\", \"right\" or null")
        }
        return Rep(
            set: try o.int("set"), number: try o.int("rep"), start: try o.double("start"),
            holdStart: try o.double("hold_start"), holdEnd: try o.double("hold_end"), end: try o.double("end"),
            holdSeconds: try o.double("hold_s"), targetHoldSeconds: try o.double("target_hold_s"), side: side,
            peakDegrees: try o.double("peak_deg"))
    }

    private static func setReport(_ o: Fields) throws(EventDecodingError) -> SetReport {
        SetReport(
            set: try o.int("set"), reps: try o.int("reps"), start: try o.double("start"), end: try o.double("end"),
            meanHoldSeconds: try o.optionalDouble("mean_hold_s"), shortReps: try o.int("short_reps"),
            leftReps: try o.intIfPresent("left_reps") ?? 0, rightReps: try o.intIfPresent("right_reps") ?? 0)
    }

    private static func summary(_ o: Fields) throws(EventDecodingError) -> SessionSummary {
        guard let exercise = Exercise(rawValue: try o.string("exercise")) else {
            throw .invalidField(type: o.type, field: "exercise", expected: "bridge, bird-dog or wall-sit")
        }
        guard let placement = Placement(rawValue: try o.string("placement")) else {
            throw .invalidField(type: o.type, field: "placement", expected: "thigh, hip or lower-back")
        }
        guard let rawSets = o.values["sets"] else { throw .missingField(type: o.type, field: "sets") }
        let notObjects = EventDecodingError.invalidField(type: o.type, field: "sets", expected: "an array of objects")
        guard let items = rawSets.array else { throw notObjects }
        var sets: [SetReport] = []
        for (i, item) in items.enumerated() {
            guard let set = item.object else { throw notObjects }
            sets.append(try setReport(Fields(type: "summary.sets[\(i)]", values: set)))
        }
        let targets = Targets(
            holdSeconds: try o.double("target_hold_s"), reps: try o.int("target_reps"), sets: try o.int("target_sets"))
        return SessionSummary(exercise: exercise, placement: placement, targets: targets, sets: sets)
    }

    /// Typed access to an object's members, naming the event in errors.
    private struct Fields {
        let type: String
        let values: [String: JSONValue]

        func string(_ name: String) throws(EventDecodingError) -> String {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            guard let s = v.string else { throw .invalidField(type: type, field: name, expected: "a string") }
            return s
        }

        func double(_ name: String) throws(EventDecodingError) -> Double {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            guard let n = v.number else { throw .invalidField(type: type, field: name, expected: "a number") }
            return n
        }

        func optionalDouble(_ name: String) throws(EventDecodingError) -> Double? {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            if v.isNull { return nil }
            guard let n = v.number else { throw .invalidField(type: type, field: name, expected: "a number or null") }
            return n
        }

        func int(_ name: String) throws(EventDecodingError) -> Int {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            guard let n = v.int else { throw .invalidField(type: type, field: name, expected: "an integer") }
            return n
        }

        func intIfPresent(_ name: String) throws(EventDecodingError) -> Int? {
            guard values[name] != nil else { return nil }
            return try int(name)
        }
    }
}
