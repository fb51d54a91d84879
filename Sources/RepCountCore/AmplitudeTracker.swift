/// The session's typical rep amplitude: the median peak tilt of the last few
/// counted reps, so that thresholds follow the person (a 6 deg bridge and a
/// 40 deg bridge are both bridges) and their fatigue through a set.
public struct AmplitudeTracker: Sendable, Equatable {
    /// Reps remembered. Eight spans most of a set, and the median of eight
    /// ignores one or two odd reps.
    public static let memory = 8

    private var peaks: [Double]
    private var count = 0
    /// The median, recomputed when a peak is recorded (the pipeline reads it every tick).
    public private(set) var typical: Double
    /// Used until the first rep is counted, degrees.
    public let prior: Double

    public init(prior: Double) {
        self.prior = prior
        self.typical = prior
        peaks = Array(repeating: 0, count: Self.memory)
    }

    /// Reps seen so far (saturates at `memory`).
    public var samples: Int { min(count, Self.memory) }

    /// Consecutive similar excursions rejected as too small that replace the memory.
    public static let takeoverRun = 3
    /// Largest ratio between the peaks of such a run for them to count as similar.
    public static let takeoverSpread = 1.6

    private var smallMin = 0.0
    private var smallMax = 0.0
    private var smallRun = 0
    private var smallPeaks: [Double] = Array(repeating: 0, count: AmplitudeTracker.takeoverRun)

    /// Notes an excursion rejected only for being small against `typical`. Returns true
    /// (and takes the run as the new memory) when `takeoverRun` similar ones came in a row.
    public mutating func rejectedAsSmall(_ peak: Double) -> Bool {
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
        count = 0
        for p in smallPeaks { record(p) }
        return true
    }

    /// The largest of the remembered peaks, or `prior` before any rep.
    public var largest: Double {
        let n = samples
        guard n > 0 else { return prior }
        var m = peaks[0]
        for i in 1..<n { m = max(m, peaks[i]) }
        return m
    }

    /// Records a counted rep's peak tilt, degrees.
    public mutating func record(_ peak: Double) {
        smallRun = 0
        peaks[count % Self.memory] = peak
        count += 1
        typical = median
    }

    /// The median of the remembered peaks (mean of the middle two for an even count),
    /// or `prior` before any rep. Allocation-free: n is at most 8, so counting ranks is cheap.
    private var median: Double {
        let n = samples
        guard n > 0 else { return prior }
        var lower = 0.0
        var upper = 0.0
        for i in 0..<n {
            var below = 0
            var equal = 0
            for j in 0..<n {
                if peaks[j] < peaks[i] { below += 1 } else if peaks[j] == peaks[i] { equal += 1 }
            }
            // peaks[i] occupies ranks below ..< below + equal.
            if (below..<(below + equal)).contains((n - 1) / 2) { lower = peaks[i] }
            if (below..<(below + equal)).contains(n / 2) { upper = peaks[i] }
        }
        return (lower + upper) / 2
    }
}
