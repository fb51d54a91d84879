import RepCountCore

/// One kept session as the progress views need it: which exercise, when, what
/// was asked, and every rep's hold.
///
/// Its own type rather than the store's record, so that aggregation stays a
/// pure function that tests can feed directly, and the store can change its
/// schema without touching the charts.
public struct PracticeSession: Sendable, Equatable, Codable {
    public var exercise: Exercise
    /// Wall clock, Unix seconds.
    public var startedAt: Double
    public var targets: Targets
    public var reps: [PracticeRep]

    public init(exercise: Exercise, startedAt: Double, targets: Targets, reps: [PracticeRep]) {
        self.exercise = exercise
        self.startedAt = startedAt
        self.targets = targets
        self.reps = reps
    }

    /// Distinct sets with at least one rep.
    public var setCount: Int { Set(reps.map(\.set)).count }
}

/// One counted rep of a kept session.
public struct PracticeRep: Sendable, Equatable, Codable {
    /// 1-based set within the session.
    public var set: Int
    /// The measured hold, seconds.
    public var holdSeconds: Double
    /// The hold asked for, seconds (0 for quick reps).
    public var targetHoldSeconds: Double
    public var side: Side?
    /// Wall clock when the rep completed, Unix seconds.
    public var recordedAt: Double

    public init(set: Int, holdSeconds: Double, targetHoldSeconds: Double, side: Side? = nil, recordedAt: Double) {
        self.set = set
        self.holdSeconds = holdSeconds
        self.targetHoldSeconds = targetHoldSeconds
        self.side = side
        self.recordedAt = recordedAt
    }

    /// The hold reached its target (the same rule as `Rep.isShort`, negated).
    public var metTarget: Bool { holdSeconds >= targetHoldSeconds }
}
