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

    /// Consecutive similar excursions rejected for their size that replace the memory.
    public static let takeoverRun = 3
    /// Largest ratio between the peaks of such a run for them to count as similar.
    public static let takeoverSpread = 1.6

    private var smallMin = 0.0
    private var smallMax = 0.0
    private var smallRun = 0
    private var smallPeaks: [Double] = Array(repeating: 0, count: AmplitudeTracker.takeoverRun)

    /// Notes an excursion rejected only for its size against the recent reps (too small
    /// or too large). Returns true (and takes the run as the new memory) when
    /// `takeoverRun` similar ones came in a row.
    public mutating func rejectedForSize(_ peak: Double) -> Bool {
        if smallRun > 0, max(smallMax, peak) > Self.takeoverSpread * min(smallMin, peak) { smallRun = 0 }
        if smallRun == 0 {
            smallMin = peak
            smallMax = peak
        }
        smallMin = min(smallMin, peak)
        smallMax = max(smallMax, peak)
        smallPeaks[smallRun] = peak
        smallRun += 1
        guard smallRun >= Self.takeoverRun else { return false }
        peaks.clear()
        for p in smallPeaks { record(p) }
        return true
    }

    /// The largest of the remembered peaks, or `prior` before any rep.
    public var largest: Double { peaks.maximum ?? prior }

    /// Records a counted rep's peak tilt, degrees.
    public mutating func record(_ peak: Double) {
        smallRun = 0
        peaks.record(peak)
        typical = peaks.median ?? prior
    }
}
