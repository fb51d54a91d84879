import RepCountCore
import RepCountRecording

/// Pairs counted reps with labelled reps by time overlap, one to one.
///
/// Pairs are taken greedily, largest overlap first, which is optimal for
/// the interval sets reps form in practice (they barely overlap each other)
/// and is easy to reason about when a figure looks wrong.
public enum RepMatcher {
    /// A counted rep paired with the labelled rep it overlaps.
    public struct Pair: Sendable, Equatable {
        public var counted: Int
        public var labelled: Int
    }

    /// Indices of matched pairs; a rep takes part in at most one pair.
    /// Intervals that merely touch do not overlap.
    public static func match(counted: [Rep], labelled: [Labels.LabelledRep]) -> [Pair] {
        var candidates: [(overlap: Double, counted: Int, labelled: Int)] = []
        for (i, c) in counted.enumerated() {
            for (j, l) in labelled.enumerated() {
                let overlap = min(c.end, l.end) - max(c.start, l.start)
                if overlap > 0 { candidates.append((overlap, i, j)) }
            }
        }
        candidates.sort { a, b in
            a.overlap != b.overlap ? a.overlap > b.overlap : (a.counted, a.labelled) < (b.counted, b.labelled)
        }
        var usedCounted = Set<Int>(), usedLabelled = Set<Int>()
        var pairs: [Pair] = []
        for c in candidates where !usedCounted.contains(c.counted) && !usedLabelled.contains(c.labelled) {
            usedCounted.insert(c.counted)
            usedLabelled.insert(c.labelled)
            pairs.append(Pair(counted: c.counted, labelled: c.labelled))
        }
        return pairs.sorted { $0.labelled < $1.labelled }
    }
}
