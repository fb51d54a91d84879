/// What can go wrong writing a simulated recording.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file could not be created or written; `reason` is the C library's error text.
    case cannotWrite(file: String, reason: String)
    /// No recording of that name in the batch catalogue.
    case unknownRecording(name: String)

    public var description: String {
        switch self {
        case let .cannotWrite(file, reason): "\(file): cannot write: \(reason)"
        case let .unknownRecording(name): "no recording named '\(name)' in the batch (see `repcount-sim list`)"
        }
    }
}
