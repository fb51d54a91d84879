import RepCountCore

/// The members of a `start` request.
public struct StartRequest: Sendable, Equatable {
    /// `nil`: follow the plan from its first step.
    public var exercise: Exercise?
    public var placement: Placement?
    /// Reps per set (per side for bird dogs).
    public var reps: Int?
    /// Hold target per rep, seconds.
    public var holdSeconds: Double?
    public var sets: Int?

    public init(exercise: Exercise? = nil, placement: Placement? = nil, reps: Int? = nil, holdSeconds: Double? = nil, sets: Int? = nil) {
        self.exercise = exercise
        self.placement = placement
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.sets = sets
    }
}
