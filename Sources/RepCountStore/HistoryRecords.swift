import RepCountCore

/// Row id of a session in the history database.
public typealias SessionID = Int64

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

/// What a new session is: written when it starts.
public struct NewSession: Sendable, Equatable {
    public var exercise: Exercise
    public var placement: Placement
    public var targets: Targets
    /// Wall clock, Unix seconds.
    public var startedAt: Double
    /// Where the samples come from, e.g. `replay:/tmp/a.csv`.
    public var source: String

    public init(exercise: Exercise, placement: Placement, targets: Targets, startedAt: Double, source: String) {
        self.exercise = exercise
        self.placement = placement
        self.targets = targets
        self.startedAt = startedAt
        self.source = source
    }
}

/// A session read back, with its sets and reps in order.
public struct SessionRecord: Sendable, Equatable {
    public var id: SessionID
    public var exercise: Exercise
    public var placement: Placement
    public var targets: Targets
    /// Wall clock, Unix seconds.
    public var startedAt: Double
    /// Wall clock, Unix seconds; `nil` while the session runs.
    public var endedAt: Double?
    public var endReason: SessionEndReason?
    public var source: String
    public var sets: [SetRecord]

    /// Reps in all sets.
    public var repCount: Int { sets.reduce(0) { $0 + $1.reps.count } }
}

/// A set read back.
public struct SetRecord: Sendable, Equatable {
    /// 1-based within the session.
    public var number: Int
    /// Wall clock of its first rep, Unix seconds.
    public var startedAt: Double
    /// Wall clock, Unix seconds; `nil` while the set runs (or if the daemon died in it).
    public var endedAt: Double?
    public var reps: [RepRecord]
}

/// A rep read back: the pipeline's `Rep` (sample-axis times) and when it was written.
public struct RepRecord: Sendable, Equatable {
    public var rep: Rep
    /// Wall clock when the rep completed, Unix seconds.
    public var recordedAt: Double
}

/// The work of one local calendar day for one exercise, for progress views.
public struct DayTotal: Sendable, Equatable {
    /// Local date, `YYYY-MM-DD` (the daemon's time zone).
    public var day: String
    public var exercise: Exercise
    public var sessions: Int
    /// Sets with at least one rep.
    public var sets: Int
    public var reps: Int
    /// Reps whose hold fell short of its target.
    public var shortReps: Int
    /// Sum of measured holds, seconds.
    public var holdSeconds: Double
    /// Longest single hold, seconds.
    public var longestHoldSeconds: Double
}
