import RepCountCore

/// The result of aggregation: the range, the exercises, and their rows.
public struct ProgressReport: Sendable, Equatable, Codable {
    public var from: CalendarDay
    public var through: CalendarDay
    public var exercises: [Exercise]
    /// One row per exercise and day, by exercise then date.
    public var days: [PeriodStats]
    /// One row per exercise and ISO week, by exercise then date.
    public var weeks: [PeriodStats]

    public init(from: CalendarDay, through: CalendarDay, exercises: [Exercise], days: [PeriodStats], weeks: [PeriodStats]) {
        self.from = from
        self.through = through
        self.exercises = exercises
        self.days = days
        self.weeks = weeks
    }

    /// Rows of one kind for one exercise, oldest first.
    public func rows(_ kind: PeriodStats.Kind, for exercise: Exercise) -> [PeriodStats] {
        (kind == .day ? days : weeks).filter { $0.exercise == exercise }
    }
}
