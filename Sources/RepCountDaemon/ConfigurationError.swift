/// Why the configuration (the plan file) could not be used.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file was read but is not a valid plan.
    case invalid(file: String, message: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): \(reason)"
        case let .invalid(file, message): "\(file): \(message)"
        }
    }
}
