import RepCountCore

/// What the live view learns, whatever it came from: the daemon's protocol
/// messages, decoded by the client, or the connection itself.
///
/// Kept apart from the wire format so the view can be driven by tests, by a
/// replay, or by a future protocol version without change.
public enum LiveEvent: Sendable, Equatable {
    /// The connection to the daemon is being opened (first attempt).
    case connecting(endpoint: String)
    /// The daemon greeted us; `server` is its name and protocol version.
    case connected(endpoint: String, server: String)
    /// The connection failed or was lost; the next attempt is at `retryAt`
    /// (seconds on the view's clock), `attempt` counted from 1.
    case disconnected(endpoint: String, reason: String, attempt: Int, retryAt: Double)
    /// A session (one exercise of the plan) started, or a status reply said which one is running.
    case session(exercise: Exercise, targets: Targets, side: Side?)
    /// A snapshot of the whole state, as `status` replies carry it.
    case status(LiveStatus)
    /// An event of the counting pipeline.
    case pipeline(PipelineEvent)
    /// The hold timer while holding, a few times a second.
    case holdTick(seconds: Double)
    /// The sensor's state changed.
    case sensor(SensorStatus)
    /// The session ended (stopped, or the plan moved on).
    case sessionEnded
    /// The daemon reported an error.
    case error(String)
}
