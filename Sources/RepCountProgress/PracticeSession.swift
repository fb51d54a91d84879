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
