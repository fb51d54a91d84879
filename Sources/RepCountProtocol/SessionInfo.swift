import RepCountCore
import RepCountJSON

/// Which session a `session` event or `status` is about.
public struct SessionInfo: Sendable, Equatable {
    /// Row id in the history database.
    public var id: Int64
    public var exercise: Exercise
    public var placement: Placement
    public var targets: Targets
    /// Wall clock, Unix seconds.
    public var startedAt: Double
    /// Plan step (0-based) when the session runs the plan, else `nil`.
    public var planStep: Int?

    public init(id: Int64, exercise: Exercise, placement: Placement, targets: Targets, startedAt: Double, planStep: Int?) {
        self.id = id
        self.exercise = exercise
        self.placement = placement
        self.targets = targets
        self.startedAt = startedAt
        self.planStep = planStep
    }

    /// Writes the members (no braces), shared by events and `status`.
    public func encodeMembers(into w: inout JSONWriter) {
        w.field("session", Int(id))
        w.field("exercise", exercise.rawValue)
        w.field("placement", placement.rawValue)
        w.field("target_reps", targets.reps)
        w.field("target_hold_s", targets.holdSeconds, decimals: EventEncoder.timeDecimals)
        w.field("target_sets", targets.sets)
        w.field("started_at", startedAt, decimals: EventEncoder.timeDecimals)
        if let planStep { w.field("plan_step", planStep) }
    }
}
