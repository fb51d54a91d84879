import RepCountCore

/// A set read back.
public struct SetRecord: Sendable, Equatable {
    /// 1-based within the session.
    public var number: Int
    /// Wall clock of its first rep, Unix seconds.
    public var startedAt: Double
    /// Wall clock, Unix seconds; `nil` while the set runs (or if the daemon died in it).
    public var endedAt: Double?
    public var reps: [RepRecord]
}
