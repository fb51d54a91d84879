import RepCountProtocol

/// What can go wrong talking to the daemon.
public enum ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the socket, or it may not be opened (permissions).
    case cannotConnect(path: String, reason: String)
    /// The daemon speaks a protocol version this client does not.
    case unsupportedProtocol(path: String, found: Int?)
    /// The daemon closed the connection (it stopped, or dropped this client).
    case closed(path: String)
    /// A line from the daemon is not the JSON object the protocol promises.
    case malformedMessage(path: String, line: String, reason: String)
    /// The daemon refused a request (`{"type":"error",...}`).
    case refused(request: String, code: String, message: String)

    public var description: String {
        switch self {
        case let .cannotConnect(path, reason): "cannot connect to repcountd at \(path): \(reason)"
        case let .unsupportedProtocol(path, found):
            "repcountd at \(path) speaks protocol \(found.map(String.init) ?? "unknown"), this client speaks \(DaemonProtocol.version)"
        case let .closed(path): "repcountd at \(path) closed the connection"
        case let .malformedMessage(path, line, reason): "repcountd at \(path) sent a malformed line (\(reason)): \(line.prefix(200))"
        case let .refused(request, code, message): "\(request) refused (\(code)): \(message)"
        }
    }
}
