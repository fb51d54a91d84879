import RepCountCore

/// One object of the event stream, as `repcount replay --json` prints it and
/// the daemon publishes it: one JSON object per line, told apart by `"type"`
/// (`docs/formats.md`).
///
/// The pipeline's `PipelineEvent`s map onto the first four cases; the
/// `summary` closes a session.
public enum WireEvent: Sendable, Equatable {
    /// `{"type":"state",...}`: the movement state changed.
    case state(MovementState, time: Double)
    /// `{"type":"hold_target_reached",...}`: the hold in progress reached its target.
    case holdTargetReached(time: Double, holdSeconds: Double)
    /// `{"type":"rep",...}`: a rep completed.
    case rep(Rep)
    /// `{"type":"set",...}`: a set ended.
    case set(SetReport)
    /// `{"type":"summary",...}`: the session ended; always the last line.
    case summary(SessionSummary)

    /// The value of the `"type"` discriminator.
    public var type: String {
        switch self {
        case .state: "state"
        case .holdTargetReached: "hold_target_reached"
        case .rep: "rep"
        case .set: "set"
        case .summary: "summary"
        }
    }

    /// The wire form of a pipeline event.
    public init(_ event: PipelineEvent) {
        switch event {
        case let .state(state, time): self = .state(state, time: time)
        case let .holdTargetReached(time, hold): self = .holdTargetReached(time: time, holdSeconds: hold)
        case let .rep(rep): self = .rep(rep)
        case let .setEnded(summary): self = .set(SetReport(summary))
        }
    }
}
