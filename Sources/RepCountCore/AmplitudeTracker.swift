/// The session's typical rep amplitude: the median peak tilt of the last few
/// counted reps, so that thresholds follow the person (a 6 deg bridge and a
/// 40 deg bridge are both bridges) and their fatigue through a set.
public struct AmplitudeTracker: Sendable, Equatable {
    /// Reps remembered. Eight spans most of a set, and the median of eight
    /// ignores one or two odd reps.
    public static let memory = 8

    private var peaks = RecentMedian(memory: AmplitudeTracker.memory)
    /// The median, recomputed when a peak is recorded (the pipeline reads it every tick).
    public private(set) var typical: Double
    /// Used until the first rep is counted, degrees.
    public let prior: Double

    public init(prior: Double) {
        self.prior = prior
        self.typical = prior
    }

    /// Reps seen so far (saturates at `memory`).
    public var samples: Int { peaks.samples }

    /// Excursions rejected for their size since the last counted rep.
    private var rejected = SimilarRun()

    /// Notes an excursion rejected only for its size against the recent reps (too small
    /// or too large). Returns true (and takes the run as the new memory) when
    /// `SimilarRun.length` similar ones came in a row.
    public mutating func rejectedForSize(_ peak: Double) -> Bool {
        guard let run = rejected.note(peak) else { return false }
        peaks.clear()
        for p in run { record(p) }
        return true
    }

    /// The largest of the remembered peaks, or `prior` before any rep.
    public var largest: Double { peaks.maximum ?? prior }

    /// Records a counted rep's peak tilt, degrees.
    public mutating func record(_ peak: Double) {
        rejected.reset()
        peaks.record(peak)
        typical = peaks.median ?? prior
    }
}
