/// Why the daemon could not start or keep serving.
public enum DaemonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The socket path holds something that must not be replaced.
    case socketPathTaken(path: String, reason: String)
    /// `--socket-group` names no group.
    case unknownGroup(String)
    /// `chmod`/`chown` of the socket failed.
    case socketPermissions(path: String, call: String, reason: String)
    /// A directory for the socket or the database could not be created.
    case cannotCreateDirectory(path: String, reason: String)

    public var description: String {
        switch self {
        case let .socketPathTaken(path, reason): "\(path): \(reason)"
        case let .unknownGroup(name): "no such group: \(name)"
        case let .socketPermissions(path, call, reason): "\(path): \(call): \(reason)"
        case let .cannotCreateDirectory(path, reason): "\(path): mkdir: \(reason)"
        }
    }
}
