import RepCountCore

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
