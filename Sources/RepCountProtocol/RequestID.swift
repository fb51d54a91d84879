import RepCountJSON

/// The `id` a client puts in a request; the daemon echoes it unchanged in
/// the response or error, so a client can match them. Any JSON string or
/// number; absent is allowed (then the reply carries `"id":null`).
public enum RequestID: Sendable, Equatable, Hashable {
    case number(Double)
    case string(String)

    /// Writes the id, or `null` for no id.
    public static func write(_ id: RequestID?, into w: inout JSONWriter) {
        switch id {
        case nil: w.null()
        case let .string(s)?: w.string(s)
        case let .number(n)?: JSONValue.number(n).write(into: &w)
        }
    }

    /// The id of a parsed reply or request, if it has one.
    public init?(_ value: JSONValue?) {
        switch value {
        case let .string(s)?: self = .string(s)
        case let .number(n)?: self = .number(n)
        default: return nil
        }
    }
}
