/// Why a request line was refused. `code` is the wire's `"code"`.
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `bad_json`, `bad_request`, `unknown_request`, `line_too_long`, ...
    public var code: String
    public var message: String
    /// The request's id if it could be read, so the error can be matched.
    public var id: RequestID?

    public init(code: String, message: String, id: RequestID? = nil) {
        self.code = code
        self.message = message
        self.id = id
    }

    public var description: String { "\(code): \(message)" }
}
