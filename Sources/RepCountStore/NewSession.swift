import RepCountCore

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
