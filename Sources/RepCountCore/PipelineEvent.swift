/// What the user is doing right now, as the pipeline sees it.
public enum MovementState: String, Sendable, Codable, Hashable {
    /// Learning the rest pose: the first seconds, or after a large posture change.
    case settling
    /// In the rest pose between reps.
    case rest
    /// Moving into or out of a pose.
    case moving
    /// Holding the pose; the hold timer runs.
    case holding
}

/// Everything the pipeline reports. The daemon publishes these on its socket
/// and `repcount replay` prints them; both come from the same `Pipeline`.
public enum PipelineEvent: Sendable, Equatable {
    /// The movement state changed at `time`.
    case state(MovementState, time: Double)
    /// The hold in progress reached its target at `time`.
    case holdTargetReached(time: Double, holdSeconds: Double)
    /// A rep completed.
    case rep(Rep)
    /// A set ended (a long rest or a large posture change followed it, or the
    /// session ended).
    case setEnded(SetSummary)
}

extension PipelineEvent {
    /// Whether the event tells what is happening now (a state, the hold target) rather
    /// than a result (a rep, a set): while a trusted rest pose is on trial only the
    /// present is shown, and the trial's verdict gives only results.
    var isLive: Bool {
        switch self {
        case .state, .holdTargetReached: true
        case .rep, .setEnded: false
        }
    }
}
