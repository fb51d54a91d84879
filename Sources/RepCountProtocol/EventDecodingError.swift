/// Why a line of the event stream could not be read back as a `WireEvent`.
public enum EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line is not valid JSON.
    case notJSON(reason: String)
    /// The line is JSON but not an object.
    case notAnObject
    /// The object has no string `"type"`.
    case missingType
    /// The `"type"` is not one of the event types (a newer producer, or
    /// another message on the same socket); clients skip such lines.
    case unknownType(String)
    /// A required member is absent.
    case missingField(type: String, field: String)
    /// A member has the wrong JSON type or an unknown value.
    case invalidField(type: String, field: String, expected: String)

    public var description: String {
        switch self {
        case let .notJSON(reason): "not valid JSON: \(reason)"
        case .notAnObject: "not a JSON object"
        case .missingType: "no \"type\" member"
        case let .unknownType(type): "unknown event type '\(type)'"
        case let .missingField(type, field): "\(type): missing '\(field)'"
        case let .invalidField(type, field, expected): "\(type): '\(field)' must be \(expected)"
        }
    }
}
