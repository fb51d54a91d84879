/// Why a session ended, as stored in `sessions.end_reason`.
public enum SessionEndReason: String, Sendable, Codable, Hashable, CaseIterable {
    /// Every target set was done.
    case completed
    /// A client sent `stop`, or `start` replaced it.
    case stopped
    /// The daemon was asked to stop (SIGTERM/SIGINT) mid-session.
    case shutdown
    /// The sample source ended (end of a replayed recording).
    case sourceEnded = "source-ended"
    /// Found unfinished when the daemon started: it had crashed or been killed.
    case interrupted
}
