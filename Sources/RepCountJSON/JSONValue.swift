/// A parsed JSON value, for reading requests (daemon) and events (clients).
///
/// The wire is small and flat, so a tree of enums is enough; numbers keep
/// their `Double` value, which is exact for every integer the protocol uses.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    public var string: String? { if case let .string(s) = self { s } else { nil } }
    public var number: Double? { if case let .number(n) = self { n } else { nil } }
    public var bool: Bool? { if case let .bool(b) = self { b } else { nil } }
    public var object: [String: JSONValue]? { if case let .object(o) = self { o } else { nil } }
    public var array: [JSONValue]? { if case let .array(a) = self { a } else { nil } }
    public var isNull: Bool { self == .null }

    /// The value as an exact integer, or `nil` if it is not a whole number.
    public var int: Int? {
        guard case let .number(n) = self, n.rounded() == n, abs(n) < 9_007_199_254_740_992 else { return nil }
        return Int(n)
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Appends this value as JSON (object members sorted by key, so output is deterministic).
    public func write(into w: inout JSONWriter) {
        switch self {
        case .null: w.null()
        case let .bool(b): w.bool(b)
        case let .number(n):
            if let i = int { w.int(i) } else { w.number(n, decimals: 9) }
        case let .string(s): w.string(s)
        case let .array(values):
            w.beginArray()
            for v in values { v.write(into: &w) }
            w.endArray()
        case let .object(members):
            w.beginObject()
            for key in members.keys.sorted() {
                w.key(key)
                members[key]!.write(into: &w)
            }
            w.endObject()
        }
    }
}

extension JSONValue {
    /// Nesting deeper than this is refused: no request needs it, and
    /// unbounded recursion on hostile input would overflow the stack.
    public static let maximumDepth = 32

    /// Parses one JSON text (the whole of `bytes`, surrounding whitespace allowed).
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws(JSONParseError) -> JSONValue where Bytes.Element == UInt8 {
        var parser = JSONParser(bytes: Array(bytes))
        return try parser.parseDocument()
    }

    /// Parses one JSON text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
