/// Groups counted reps into sets: a set ends after a long rest (about a minute
/// between sets, a few seconds between reps) or at a large posture change, and
/// when the session ends.
public struct SetSegmenter: Sendable, Equatable {
    /// 1-based number of the set in progress.
    public private(set) var index = 1
    /// Reps of the set in progress. Grows by one per rep, not per sample.
    public private(set) var reps: [Rep] = []

    public init() {}

    /// End of the last rep of the set in progress, seconds.
    public var lastRepEnd: Double? { reps.last?.end }

    /// Adds a counted rep to the set in progress.
    public mutating func add(_ rep: Rep) {
        reps.append(rep)
    }

    /// Whether a rest lasting until `time` (seconds, reported axis) ends the set.
    public func restEndsSet(at time: Double, gapSeconds: Double) -> Bool {
        guard let end = lastRepEnd else { return false }
        return time - end >= gapSeconds
    }

    /// Closes the set in progress if it has reps, returning its summary.
    public mutating func endSet() -> SetSummary? {
        guard let first = reps.first, let last = reps.last else { return nil }
        let summary = SetSummary(index: index, reps: reps, start: first.start, end: last.end)
        reps.removeAll(keepingCapacity: true)
        index += 1
        return summary
    }
}
