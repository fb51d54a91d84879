import RepCountCore
import RepCountJSON

/// The messages only the daemon sends (the pipeline's own events are
/// `WireEvent`s): hello, errors, sensor and hold-timer updates, session
/// boundaries, the tilt stream (`docs/protocol.md`).
public enum DaemonEvent: Sendable, Equatable {
    /// First line on every connection.
    case hello(server: String)
    /// A request was refused, or the connection is about to be dropped.
    case error(RequestError)
    /// The sample source changed state; `message` says why (e.g. the libiio error).
    case sensor(SensorPhase, message: String?)
    /// The hold timer while holding, a few times per second of sample time.
    case hold(time: Double, holdSeconds: Double, targetSeconds: Double)
    /// A session began.
    case sessionStarted(SessionInfo)
    /// A session ended; `reps`/`sets` are what it counted.
    case sessionEnded(SessionInfo, reason: String, reps: Int, sets: Int)
    /// Tilt from the rest pose (10 Hz, only to watchers that asked for it).
    case motion(time: Double, tiltDegrees: Double, state: MovementState)

    /// The value of the `"type"` discriminator.
    public var type: String {
        switch self {
        case .hello: "hello"
        case .error: "error"
        case .sensor: "sensor"
        case .hold: "hold"
        case .sessionStarted, .sessionEnded: "session"
        case .motion: "motion"
        }
    }

    /// Appends the event as one JSON line.
    public func encode(into w: inout JSONWriter) {
        let t = EventEncoder.timeDecimals
        w.beginObject()
        w.field("type", type)
        switch self {
        case let .hello(server):
            w.field("protocol", DaemonProtocol.version)
            w.field("server", server)
            w.key("requests")
            w.beginArray()
            for name in Request.names { w.string(name) }
            w.endArray()
        case let .error(e):
            w.key("id")
            RequestID.write(e.id, into: &w)
            w.field("code", e.code)
            w.field("message", e.message)
        case let .sensor(state, message):
            w.field("state", state.rawValue)
            if let message { w.field("message", message) }
        case let .hold(time, hold, target):
            w.field("time", time, decimals: t)
            w.field("hold_s", hold, decimals: t)
            w.field("target_hold_s", target, decimals: t)
        case let .sessionStarted(info):
            w.field("phase", "started")
            info.encodeMembers(into: &w)
        case let .sessionEnded(info, reason, reps, sets):
            w.field("phase", "ended")
            info.encodeMembers(into: &w)
            w.field("reason", reason)
            w.field("reps", reps)
            w.field("sets", sets)
        case let .motion(time, tilt, state):
            w.field("time", time, decimals: t)
            w.field("tilt_deg", tilt, decimals: EventEncoder.angleDecimals)
            w.field("state", state.rawValue)
        }
        w.endObject()
        w.newline()
    }

    /// The event as one JSON line, newline included.
    public var line: String {
        var w = JSONWriter(capacity: 256)
        encode(into: &w)
        return w.string
    }
}
