import RepCountCore

/// What the event stream says about a finished set: counts and hold
/// statistics, without the individual reps (those were sent as `rep` events).
public struct SetReport: Sendable, Equatable {
    /// 1-based set number.
    public var set: Int
    /// Reps counted (both sides for bird dogs).
    public var reps: Int
    /// Start of the first rep, seconds.
    public var start: Double
    /// End of the last rep, seconds.
    public var end: Double
    /// Mean measured hold over the set's reps, seconds; `nil` with no reps.
    public var meanHoldSeconds: Double?
    /// Reps whose hold fell short of the target.
    public var shortReps: Int
    /// Bird-dog reps with the left leg extended (0 for other exercises).
    public var leftReps: Int
    /// Bird-dog reps with the right leg extended (0 for other exercises).
    public var rightReps: Int

    public init(
        set: Int, reps: Int, start: Double, end: Double, meanHoldSeconds: Double?, shortReps: Int,
        leftReps: Int = 0, rightReps: Int = 0
    ) {
        self.set = set
        self.reps = reps
        self.start = start
        self.end = end
        self.meanHoldSeconds = meanHoldSeconds
        self.shortReps = shortReps
        self.leftReps = leftReps
        self.rightReps = rightReps
    }

    /// Summarises a set the pipeline finished.
    public init(_ summary: SetSummary) {
        var holdTotal = 0.0
        var short = 0
        var left = 0
        var right = 0
        for rep in summary.reps {
            holdTotal += rep.holdSeconds
            if rep.isShort { short += 1 }
            switch rep.side {
            case .left: left += 1
            case .right: right += 1
            case nil: break
            }
        }
        self.init(
            set: summary.index, reps: summary.reps.count, start: summary.start, end: summary.end,
            meanHoldSeconds: summary.reps.isEmpty ? nil : holdTotal / Double(summary.reps.count),
            shortReps: short, leftReps: left, rightReps: right)
    }

    /// Whether the set carries side counts (a bird-dog set).
    public var hasSides: Bool { leftReps + rightReps > 0 }
}
