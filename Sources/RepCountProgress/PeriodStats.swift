import RepCountCore

/// The work on one exercise over one day or one ISO week.
public struct PeriodStats: Sendable, Equatable, Codable {
    /// How long the period is.
    public enum Kind: String, Sendable, Codable {
        case day
        case week
    }

    public var kind: Kind
    /// The first day of the period (the Monday, for a week).
    public var start: CalendarDay
    /// `2026-11-16` for a day, `2026-W47` for a week.
    public var label: String
    public var exercise: Exercise
    public var sessions: Int
    /// Sets with at least one rep.
    public var sets: Int
    public var reps: Int
    /// Reps whose hold met its target.
    public var repsOnTarget: Int
    /// Mean of the measured holds, seconds; `nil` without reps.
    public var meanHoldSeconds: Double?
    /// Longest hold, seconds; `nil` without reps.
    public var bestHoldSeconds: Double?
    /// Mean of the holds asked for, seconds (targets grow over the weeks).
    public var targetHoldSeconds: Double?
    /// Days with at least one rep of this exercise.
    public var daysDone: Int
    /// Days the plan asked for in the part of the period that is covered.
    public var daysPlanned: Int

    /// Share of reps whose hold met the target, 0...1; `nil` without reps.
    public var onTargetShare: Double? { reps > 0 ? Double(repsOnTarget) / Double(reps) : nil }

    /// Days done of days planned, 0...1 (more than planned counts as 1);
    /// `nil` when nothing was planned.
    public var adherence: Double? { daysPlanned > 0 ? min(1, Double(daysDone) / Double(daysPlanned)) : nil }

    private enum CodingKeys: String, CodingKey {
        case kind, start, label, exercise, sessions, sets, reps
        case repsOnTarget = "reps_on_target"
        case meanHoldSeconds = "mean_hold_s"
        case bestHoldSeconds = "best_hold_s"
        case targetHoldSeconds = "target_hold_s"
        case onTargetShare = "on_target_share"
        case daysDone = "days_done"
        case daysPlanned = "days_planned"
        case adherence
    }

    public init(
        kind: Kind, start: CalendarDay, label: String, exercise: Exercise, sessions: Int = 0, sets: Int = 0,
        reps: Int = 0, repsOnTarget: Int = 0, meanHoldSeconds: Double? = nil, bestHoldSeconds: Double? = nil,
        targetHoldSeconds: Double? = nil, daysDone: Int = 0, daysPlanned: Int = 0
    ) {
        self.kind = kind
        self.start = start
        self.label = label
        self.exercise = exercise
        self.sessions = sessions
        self.sets = sets
        self.reps = reps
        self.repsOnTarget = repsOnTarget
        self.meanHoldSeconds = meanHoldSeconds
        self.bestHoldSeconds = bestHoldSeconds
        self.targetHoldSeconds = targetHoldSeconds
        self.daysDone = daysDone
        self.daysPlanned = daysPlanned
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind), start: try c.decode(CalendarDay.self, forKey: .start),
            label: try c.decode(String.self, forKey: .label), exercise: try c.decode(Exercise.self, forKey: .exercise),
            sessions: try c.decode(Int.self, forKey: .sessions), sets: try c.decode(Int.self, forKey: .sets),
            reps: try c.decode(Int.self, forKey: .reps), repsOnTarget: try c.decode(Int.self, forKey: .repsOnTarget),
            meanHoldSeconds: try c.decodeIfPresent(Double.self, forKey: .meanHoldSeconds),
            bestHoldSeconds: try c.decodeIfPresent(Double.self, forKey: .bestHoldSeconds),
            targetHoldSeconds: try c.decodeIfPresent(Double.self, forKey: .targetHoldSeconds),
            daysDone: try c.decode(Int.self, forKey: .daysDone), daysPlanned: try c.decode(Int.self, forKey: .daysPlanned))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(start, forKey: .start)
        try c.encode(label, forKey: .label)
        try c.encode(exercise, forKey: .exercise)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(sets, forKey: .sets)
        try c.encode(reps, forKey: .reps)
        try c.encode(repsOnTarget, forKey: .repsOnTarget)
        // Absent values are written as null so every row has the same keys.
        try c.encode(meanHoldSeconds, forKey: .meanHoldSeconds)
        try c.encode(bestHoldSeconds, forKey: .bestHoldSeconds)
        try c.encode(targetHoldSeconds, forKey: .targetHoldSeconds)
        try c.encode(onTargetShare, forKey: .onTargetShare)
        try c.encode(daysDone, forKey: .daysDone)
        try c.encode(daysPlanned, forKey: .daysPlanned)
        try c.encode(adherence, forKey: .adherence)
    }
}
