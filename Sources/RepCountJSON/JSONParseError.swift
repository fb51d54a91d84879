/// Why a text is not JSON, with the 1-based column (byte offset) where it went wrong.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int
    public var reason: String
    public var description: String { "column \(column): \(reason)" }
}
