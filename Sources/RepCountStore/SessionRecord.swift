import RepCountCore

/// Row id of a session in the history database.
public typealias SessionID = Int64

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
