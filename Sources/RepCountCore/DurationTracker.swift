/// The session's typical rep duration (seconds above the enter threshold): the
/// median of the last counted reps, against which a brief excursion (a fidget, a
/// weight shift, a partial lift on the way up from the mat) is no rep. A person's
/// reps in a set take about as long as each other, quick movers' all quick alike.
public struct DurationTracker: Sendable, Equatable {
    /// Counted reps the typical duration rests on before it judges: the median of three
    /// outvotes one odd rep (a slow, careful first one).
    public static let minimumReps = 3

    private var durations = RecentMedian(memory: AmplitudeTracker.memory)
    /// Excursions rejected as brief since the last counted rep.
    private var rejected = SimilarRun()

    public init() {}

    /// The median duration of the remembered reps, once there are `minimumReps`.
    public var typical: Double? {
        durations.samples >= Self.minimumReps ? durations.median : nil
    }

    /// Whether an excursion that is otherwise a rep is too brief for one: under
    /// `fraction` of the typical duration. A run of similar brief ones is the user
    /// speeding up: they take over the memory and count.
    public mutating func isTooBrief(_ duration: Double, fraction: Double) -> Bool {
        guard let typical, duration < fraction * typical else { return false }
        guard let run = rejected.note(duration) else { return true }
        durations.clear()
        for d in run { durations.record(d) }
        return false
    }

    /// Records a counted rep's duration, seconds.
    public mutating func record(_ duration: Double) {
        rejected.reset()
        durations.record(duration)
    }
}
