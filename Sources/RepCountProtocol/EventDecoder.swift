import Foundation
import RepCountCore

/// Reads JSON lines of the event stream back into `WireEvent`s, for clients
/// and tests. Member order does not matter and unknown members are ignored,
/// as `docs/formats.md` promises readers.
///
/// Uses Foundation's `JSONSerialization`: clients read a handful of events
/// per second, so convenience wins over speed here (the encoder is the hot side).
public enum EventDecoder {
    /// Decodes one line (trailing newline allowed).
    public static func decode(_ line: String) throws(EventDecodingError) -> WireEvent {
        try decode(Data(line.utf8))
    }

    /// Decodes one JSON object.
    public static func decode(_ data: Data) throws(EventDecodingError) -> WireEvent {
        let object = try fields(data)
        guard let type = object["type"] as? String else { throw .missingType }
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
    public static func fields(_ data: Data) throws(EventDecodingError) -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .notJSON(reason: (error as NSError).localizedDescription)
        }
        guard let object = parsed as? [String: Any] else { throw .notAnObject }
        return object
    }

    private static func rep(_ o: Fields) throws(EventDecodingError) -> Rep {
        let side: Side?
        switch o.values["side"] {
        case nil: throw .missingField(type: o.type, field: "side")
        case is NSNull: side = nil
        case let name as String:
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
        guard let setObjects = rawSets as? [[String: Any]] else {
            throw .invalidField(type: o.type, field: "sets", expected: "an array of objects")
        }
        var sets: [SetReport] = []
        for (i, set) in setObjects.enumerated() {
            sets.append(try setReport(Fields(type: "summary.sets[\(i)]", values: set)))
        }
        let targets = Targets(
            holdSeconds: try o.double("target_hold_s"), reps: try o.int("target_reps"), sets: try o.int("target_sets"))
        return SessionSummary(exercise: exercise, placement: placement, targets: targets, sets: sets)
    }

    /// Typed access to an object's members, naming the event in errors.
    private struct Fields {
        let type: String
        let values: [String: Any]

        func string(_ name: String) throws(EventDecodingError) -> String {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            guard let s = v as? String else { throw .invalidField(type: type, field: name, expected: "a string") }
            return s
        }

        func double(_ name: String) throws(EventDecodingError) -> Double {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            guard let n = Self.number(v) else { throw .invalidField(type: type, field: name, expected: "a number") }
            return n
        }

        func optionalDouble(_ name: String) throws(EventDecodingError) -> Double? {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            if v is NSNull { return nil }
            guard let n = Self.number(v) else { throw .invalidField(type: type, field: name, expected: "a number or null") }
            return n
        }

        func int(_ name: String) throws(EventDecodingError) -> Int {
            guard let v = values[name] else { throw .missingField(type: type, field: name) }
            guard let n = Self.integer(v) else { throw .invalidField(type: type, field: name, expected: "an integer") }
            return n
        }

        func intIfPresent(_ name: String) throws(EventDecodingError) -> Int? {
            guard values[name] != nil else { return nil }
            return try int(name)
        }

        /// A JSON number (not a boolean, which Foundation also bridges to NSNumber).
        private static func number(_ v: Any) -> Double? {
            guard let n = v as? NSNumber, !isBoolean(n) else { return nil }
            return n.doubleValue
        }

        private static func integer(_ v: Any) -> Int? {
            guard let d = number(v), d.rounded() == d, abs(d) < 1e15 else { return nil }
            return Int(d)
        }

        /// JSONSerialization bridges `true`/`false` to NSNumbers of
        /// Objective-C type `c` (char); parsed numbers are `q` or `d`.
        private static func isBoolean(_ n: NSNumber) -> Bool {
            n.objCType.pointee == CChar(UInt8(ascii: "c"))
        }
    }
}
