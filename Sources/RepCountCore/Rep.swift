/// One counted repetition, reported as soon as it completes.
///
/// Times are on the sample time axis. `holdStart`/`holdEnd` bound the held
/// pose; for a quick rep with no plateau they are the moments the pose was
/// nearest its peak and `holdSeconds` is small.
public struct Rep: Sendable, Equatable {
    /// 1-based set number within the session.
    public var set: Int
    /// 1-based rep number within the set (counting both sides for bird dogs).
    public var number: Int
    /// Leaving rest.
    public var start: Double
    /// Arriving in the held pose.
    public var holdStart: Double
    /// Leaving the held pose.
    public var holdEnd: Double
    /// Back at rest.
    public var end: Double
    /// The measured hold, `holdEnd - holdStart`, in seconds.
    public var holdSeconds: Double
    /// The hold this rep was asked for, in seconds.
    public var targetHoldSeconds: Double
    /// The extended leg for bird dogs; `nil` otherwise.
    public var side: Side?
    /// Peak tilt away from the rest pose during the rep, in degrees.
    public var peakDegrees: Double

    public init(
        set: Int, number: Int, start: Double, holdStart: Double, holdEnd: Double, end: Double,
        holdSeconds: Double, targetHoldSeconds: Double, side: Side?, peakDegrees: Double
    ) {
        self.set = set
        self.number = number
        self.start = start
        self.holdStart = holdStart
        self.holdEnd = holdEnd
        self.end = end
        self.holdSeconds = holdSeconds
        self.targetHoldSeconds = targetHoldSeconds
        self.side = side
        self.peakDegrees = peakDegrees
    }

    /// A rep whose hold fell short of its target is still counted, and marked.
    public var isShort: Bool { holdSeconds < targetHoldSeconds }
}

/// A finished set.
public struct SetSummary: Sendable, Equatable {
    /// 1-based set number.
    public var index: Int
    /// The reps counted in the set, in order.
    public var reps: [Rep]
    /// Start of the first rep.
    public var start: Double
    /// End of the last rep.
    public var end: Double

    public init(index: Int, reps: [Rep], start: Double, end: Double) {
        self.index = index
        self.reps = reps
        self.start = start
        self.end = end
    }
}
