/// What can go wrong while building progress views.
public enum ProgressError: Error, Equatable, CustomStringConvertible {
    /// A `--plan` text could not be read.
    case invalidPlan(text: String, reason: String)
    /// A date given on the command line could not be read.
    case invalidDate(text: String)

    public var description: String {
        switch self {
        case .invalidPlan(let text, let reason): "plan '\(text)': \(reason) (expected e.g. bridge=7,bird-dog=5)"
        case .invalidDate(let text): "date '\(text)': expected YYYY-MM-DD"
        }
    }
}
