import RepCountCore

/// One counted rep of a kept session.
public struct PracticeRep: Sendable, Equatable, Codable {
    /// 1-based set within the session.
    public var set: Int
    /// The measured hold, seconds.
    public var holdSeconds: Double
    /// The hold asked for, seconds (0 for quick reps).
    public var targetHoldSeconds: Double
    public var side: Side?
    /// Wall clock when the rep completed, Unix seconds.
    public var recordedAt: Double

    public init(set: Int, holdSeconds: Double, targetHoldSeconds: Double, side: Side? = nil, recordedAt: Double) {
        self.set = set
        self.holdSeconds = holdSeconds
        self.targetHoldSeconds = targetHoldSeconds
        self.side = side
        self.recordedAt = recordedAt
    }

    /// The hold reached its target (the same rule as `Rep.isShort`, negated).
    public var metTarget: Bool { holdSeconds >= targetHoldSeconds }
}
