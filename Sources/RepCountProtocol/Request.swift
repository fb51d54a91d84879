import RepCountCore
import RepCountJSON

/// A request a client sends to the daemon: one JSON object per line with a
/// `"request"` name, an optional `"id"`, and the request's members
/// (`docs/protocol.md`).
public enum Request: Sendable, Equatable {
    /// Subscribe to events; `motion` adds the 10 Hz tilt stream.
    case watch(motion: Bool)
    /// Stop receiving events (requests keep working).
    case unwatch
    /// What the daemon is doing now.
    case status
    /// Start a session: one exercise (targets default to its prescription
    /// where not given), or the day's plan when `exercise` is nil.
    case start(StartRequest)
    /// End the session in progress.
    case stop
    /// End the current set now and count from the next one.
    case next
    /// Sessions that started in `[from, to)` (Unix seconds), optionally one exercise, newest `limit`.
    case history(from: Double?, to: Double?, exercise: Exercise?, limit: Int?)

    /// The request's name on the wire.
    public var name: String {
        switch self {
        case .watch: "watch"
        case .unwatch: "unwatch"
        case .status: "status"
        case .start: "start"
        case .stop: "stop"
        case .next: "next"
        case .history: "history"
        }
    }

    /// Every request name, for error messages and docs.
    public static let names = ["watch", "unwatch", "status", "start", "stop", "next", "history"]
}

extension Request {
    /// Largest count a request may ask for (reps, sets, history limit): far
    /// above any real prescription, low enough that arithmetic cannot overflow.
    public static let maximumCount = 10_000
    /// Longest hold target a request may ask for, seconds (10 minutes).
    public static let maximumHoldSeconds = 600.0

    /// Reads one request line (without its newline). Returns the request and
    /// its id, or throws a `RequestError` naming what was wrong.
    public static func parse<Bytes: Collection>(line: Bytes) throws(RequestError) -> (Request, RequestID?) where Bytes.Element == UInt8 {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line)
        } catch {
            throw RequestError(code: "bad_json", message: "not JSON: \(error)")
        }
        guard let object = value.object else {
            throw RequestError(code: "bad_request", message: "a request is a JSON object, got \(value.typeName)")
        }
        let id: RequestID?
        switch object["id"] {
        case nil, .null?: id = nil
        case let other?:
            guard let i = RequestID(other) else {
                throw RequestError(code: "bad_request", message: "\"id\" must be a string or a number, got \(other.typeName)")
            }
            id = i
        }
        let fields = Members(object: object, id: id)
        guard let nameValue = object["request"] else {
            throw fields.error("missing \"request\" (one of \(names.joined(separator: ", ")))")
        }
        guard let name = nameValue.string else {
            throw fields.error("\"request\" must be a string, got \(nameValue.typeName)")
        }
        let request: Request
        switch name {
        case "watch": request = .watch(motion: try fields.bool("motion") ?? false)
        case "unwatch": request = .unwatch
        case "status": request = .status
        case "stop": request = .stop
        case "next": request = .next
        case "start":
            request = .start(
                StartRequest(
                    exercise: try fields.enumeration("exercise", Exercise.self),
                    placement: try fields.enumeration("placement", Placement.self),
                    reps: try fields.count("reps", minimum: 1), holdSeconds: try fields.holdSeconds("hold_s"),
                    sets: try fields.count("sets", minimum: 1)))
        case "history":
            let from = try fields.number("from")
            let to = try fields.number("to")
            if let from, let to, to < from { throw fields.error("\"to\" (\(to)) is before \"from\" (\(from))") }
            request = .history(
                from: from, to: to, exercise: try fields.enumeration("exercise", Exercise.self),
                limit: try fields.count("limit", minimum: 1))
        default:
            throw RequestError(
                code: "unknown_request", message: "unknown request \"\(name)\" (known: \(names.joined(separator: ", ")))", id: id)
        }
        return (request, id)
    }
}

/// Typed access to a request's members, with errors that name the member.
private struct Members {
    let object: [String: JSONValue]
    let id: RequestID?

    func error(_ message: String) -> RequestError { RequestError(code: "bad_request", message: message, id: id) }

    func present(_ key: String) -> JSONValue? {
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    func bool(_ key: String) throws(RequestError) -> Bool? {
        guard let v = present(key) else { return nil }
        guard let b = v.bool else { throw error("\"\(key)\" must be true or false, got \(v.typeName)") }
        return b
    }

    func number(_ key: String) throws(RequestError) -> Double? {
        guard let v = present(key) else { return nil }
        guard let n = v.number else { throw error("\"\(key)\" must be a number, got \(v.typeName)") }
        return n
    }

    func count(_ key: String, minimum: Int) throws(RequestError) -> Int? {
        guard let v = present(key) else { return nil }
        guard let n = v.int, n >= minimum, n <= Request.maximumCount else {
            throw error("\"\(key)\" must be a whole number from \(minimum) to \(Request.maximumCount), got \(v.typeName == "number" ? "\(v.number!)" : v.typeName)")
        }
        return n
    }

    func holdSeconds(_ key: String) throws(RequestError) -> Double? {
        guard let n = try number(key) else { return nil }
        guard n >= 0, n <= Request.maximumHoldSeconds else {
            throw error("\"\(key)\" must be from 0 to \(Int(Request.maximumHoldSeconds)) seconds, got \(n)")
        }
        return n
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(RequestError) -> E? where E.RawValue == String {
        guard let v = present(key) else { return nil }
        let known = E.allCases.map(\.rawValue).joined(separator: ", ")
        guard let s = v.string else { throw error("\"\(key)\" must be a string (\(known)), got \(v.typeName)") }
        guard let e = E(rawValue: s) else { throw error("unknown \(key) \"\(s)\" (known: \(known))") }
        return e
    }
}

extension Request {
    /// Writes this request as one JSON line (for clients).
    public func encode(id: RequestID?, into w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        RequestID.write(id, into: &w)
        w.field("request", name)
        switch self {
        case let .watch(motion):
            if motion { w.field("motion", true) }
        case .unwatch, .status, .stop, .next: break
        case let .start(s):
            if let e = s.exercise { w.field("exercise", e.rawValue) }
            if let p = s.placement { w.field("placement", p.rawValue) }
            if let r = s.reps { w.field("reps", r) }
            if let h = s.holdSeconds { w.field("hold_s", h, decimals: 3) }
            if let n = s.sets { w.field("sets", n) }
        case let .history(from, to, exercise, limit):
            if let from { w.field("from", from, decimals: 3) }
            if let to { w.field("to", to, decimals: 3) }
            if let exercise { w.field("exercise", exercise.rawValue) }
            if let limit { w.field("limit", limit) }
        }
        w.endObject()
        w.newline()
    }
}
