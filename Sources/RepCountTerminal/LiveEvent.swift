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

/// A status snapshot; every field is optional because older or newer daemons
/// may send fewer or more of them.
public struct LiveStatus: Sendable, Equatable {
    public var exercise: Exercise?
    public var targets: Targets?
    public var side: Side?
    public var set: Int?
    public var repsInSet: Int?
    public var state: MovementState?
    public var holdElapsed: Double?
    public var sensor: SensorStatus?

    public init(
        exercise: Exercise? = nil, targets: Targets? = nil, side: Side? = nil, set: Int? = nil,
        repsInSet: Int? = nil, state: MovementState? = nil, holdElapsed: Double? = nil, sensor: SensorStatus? = nil
    ) {
        self.exercise = exercise
        self.targets = targets
        self.side = side
        self.set = set
        self.repsInSet = repsInSet
        self.state = state
        self.holdElapsed = holdElapsed
        self.sensor = sensor
    }
}

/// The sensor as the view shows it: a level for the colour and a word or two.
public struct SensorStatus: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        /// Not reported yet.
        case unknown
        /// Samples are arriving.
        case ok
        /// Something is off but counting goes on (e.g. dropped samples).
        case warning
        /// No samples: counting has stopped.
        case lost
    }

    public var level: Level
    /// A word or two: "connected", "lost".
    public var text: String
    /// Why, when the daemon says (e.g. the libiio error); shown apart from the
    /// header, which has room only for the word.
    public var detail: String?

    public init(level: Level, text: String, detail: String? = nil) {
        self.level = level
        self.text = text
        self.detail = detail
    }

    public static let unknown = SensorStatus(level: .unknown, text: "?")

    /// Interprets a daemon's free-form sensor state word.
    public init(word: String, detail: String? = nil) {
        let w = word.lowercased()
        let level: Level
        switch w {
        case "ok", "connected", "streaming", "running", "replay", "replaying", "live", "open": level = .ok
        case "lost", "disconnected", "error", "missing", "closed", "failed", "stopped", "none": level = .lost
        case "unknown", "": level = .unknown
        default: level = .warning
        }
        self.init(level: level, text: word, detail: detail.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// An audible cue the view asks for, so the user need not look.
public enum Cue: Sendable, Equatable {
    /// The hold in progress reached its target: the user may come down.
    case holdTargetReached
    /// A set ended: rest begins.
    case setEnded
}
