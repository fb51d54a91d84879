import RepCountCore
import RepCountRecording

/// How one recording's counted reps compare with its labels.
///
/// Every figure is kept as raw counts and error lists so that scores of many
/// recordings can be pooled exactly (`Score.merging`), not averaged as ratios.
public struct RecordingScore: Sendable, Equatable {
    /// Labelled sets.
    public var sets = 0
    /// Labelled sets whose count was exactly right.
    public var exactSets = 0
    /// Sum over labelled sets of |counted - labelled|.
    public var countErrorSum = 0
    /// Reps counted.
    public var counted = 0
    /// Reps labelled.
    public var labelled = 0
    /// Counted reps that overlap a labelled rep (one to one).
    public var matched = 0
    /// |counted hold - labelled hold| for every matched pair, seconds.
    public var holdErrors: [Double] = []
    /// Matched pairs whose labelled side is known.
    public var sided = 0
    /// Of those, the pairs whose side was right.
    public var sideCorrect = 0
    /// Set count found by the counter vs the labels (segmentation).
    public var countedSets = 0

    public init() {}

    /// Scores `counted` (the reps of every set, in order) against `labels`.
    ///
    /// Each counted rep is charged to the labelled set nearest to it in time,
    /// so a set's count error includes reps counted during the rest around it.
    public init(counted: [Rep], countedSets: Int, labels: Labels) {
        self.countedSets = countedSets
        let labelledReps = labels.sets.flatMap(\.reps)
        // (set index, first rep start, last rep end) for every set with reps.
        let spans = labels.sets.indices.compactMap { i -> (index: Int, start: Double, end: Double)? in
            guard let first = labels.sets[i].reps.first, let last = labels.sets[i].reps.last else { return nil }
            return (i, first.start, last.end)
        }
        var perSet = [Int](repeating: 0, count: labels.sets.count)
        for rep in counted {
            let mid = (rep.start + rep.end) / 2
            if let nearest = spans.min(by: { Self.distance(mid, $0) < Self.distance(mid, $1) }) {
                perSet[nearest.index] += 1
            }
        }
        for (i, set) in labels.sets.enumerated() {
            sets += 1
            let error = abs(perSet[i] - set.reps.count)
            countErrorSum += error
            if error == 0 { exactSets += 1 }
        }
        self.counted = counted.count
        self.labelled = labelledReps.count
        for pair in RepMatcher.match(counted: counted, labelled: labelledReps) {
            matched += 1
            let c = counted[pair.counted], l = labelledReps[pair.labelled]
            holdErrors.append(abs(c.holdSeconds - l.holdSeconds))
            if let side = l.side {
                sided += 1
                if c.side == side { sideCorrect += 1 }
            }
        }
    }

    private static func distance(_ t: Double, _ span: (index: Int, start: Double, end: Double)) -> Double {
        t < span.start ? span.start - t : (t > span.end ? t - span.end : 0)
    }

    /// Pools two scores as if their recordings were one.
    public func merging(_ other: RecordingScore) -> RecordingScore {
        var s = self
        s.sets += other.sets
        s.exactSets += other.exactSets
        s.countErrorSum += other.countErrorSum
        s.counted += other.counted
        s.labelled += other.labelled
        s.matched += other.matched
        s.holdErrors += other.holdErrors
        s.sided += other.sided
        s.sideCorrect += other.sideCorrect
        s.countedSets += other.countedSets
        return s
    }

    /// Share of labelled sets counted exactly.
    public var exactSetRate: Double { sets == 0 ? 1 : Double(exactSets) / Double(sets) }
    /// Mean absolute count error per labelled set.
    public var countMAE: Double { sets == 0 ? 0 : Double(countErrorSum) / Double(sets) }
    public var precision: Double { counted == 0 ? (labelled == 0 ? 1 : 0) : Double(matched) / Double(counted) }
    public var recall: Double { labelled == 0 ? 1 : Double(matched) / Double(labelled) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    /// Mean absolute hold-duration error over matched reps, seconds.
    public var holdMAE: Double { holdErrors.isEmpty ? 0 : holdErrors.reduce(0, +) / Double(holdErrors.count) }
    /// 90th percentile of the hold-duration error (nearest rank), seconds.
    public var holdP90: Double {
        guard !holdErrors.isEmpty else { return 0 }
        let sorted = holdErrors.sorted()
        let rank = Int((0.9 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }
    /// Share of sided matched reps whose side was right; `nil` when none had a side.
    public var sideAccuracy: Double? { sided == 0 ? nil : Double(sideCorrect) / Double(sided) }
}
