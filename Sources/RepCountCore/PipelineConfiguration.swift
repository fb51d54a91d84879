/// What the pipeline is asked to count, and how.
public struct PipelineConfiguration: Sendable, Equatable {
    public var exercise: Exercise
    public var placement: Placement
    public var targets: Targets
    /// For bird dogs: the side of the first rep of each set (the seeds start
    /// with the right leg), from which the roll sign assigns the others.
    public var firstSide: Side
    /// Thresholds of the rep logic for this exercise and placement
    /// (default: `ExerciseProfile.standard(for:at:)`).
    public var profile: ExerciseProfile

    public init(
        exercise: Exercise, placement: Placement? = nil, targets: Targets? = nil, firstSide: Side = .right,
        profile: ExerciseProfile? = nil
    ) {
        self.exercise = exercise
        self.placement = placement ?? exercise.defaultPlacement
        self.targets = targets ?? exercise.defaultTargets
        self.firstSide = firstSide
        self.profile = profile ?? ExerciseProfile.standard(for: exercise, at: self.placement)
    }
}

/// A snapshot of the pipeline for status displays.
public struct PipelineStatus: Sendable, Equatable {
    public var time: Double
    public var state: MovementState
    /// 1-based current set number.
    public var set: Int
    /// Reps completed in the current set.
    public var repsInSet: Int
    /// Seconds held so far when `state == .holding`, else 0.
    public var holdElapsed: Double
    /// Current tilt from the rest pose, degrees.
    public var tiltDegrees: Double

    public init(time: Double, state: MovementState, set: Int, repsInSet: Int, holdElapsed: Double, tiltDegrees: Double) {
        self.time = time
        self.state = state
        self.set = set
        self.repsInSet = repsInSet
        self.holdElapsed = holdElapsed
        self.tiltDegrees = tiltDegrees
    }
}
