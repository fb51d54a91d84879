import RepCountCore

/// What the simulated person sets out to do in one recording.
public struct SessionPlan: Sendable, Equatable {
    /// How the person performs the reps.
    public enum Style: String, Sendable, CaseIterable {
        /// Controlled reps: 1-3 s transitions, a hold near the target.
        case standard
        /// A slow mover: 4-5 s ramps up and down with almost no flat hold.
        case slow
        /// Quick reps with no hold (the bridge "3 sets of 15" variant).
        case quick
        /// Bird dog done one side at a time: a block of one leg, then the other.
        case blocks
    }

    public var exercise: Exercise
    public var placement: Placement
    public var style: Style
    /// Sets in the session.
    public var sets: Int
    /// Reps per set (per side for bird dogs).
    public var reps: Int
    /// The hold the person aims for, seconds (0 for quick reps).
    public var holdTarget: Double

    public init(exercise: Exercise, placement: Placement, style: Style = .standard, sets: Int, reps: Int, holdTarget: Double) {
        self.exercise = exercise
        self.placement = placement
        self.style = style
        self.sets = sets
        self.reps = reps
        self.holdTarget = holdTarget
    }
}
