/// When samples are taken and what time the host writes beside them.
///
/// The part's oscillator runs off its nominal rate by a fixed fraction (MEMS
/// output data rates are specified only to a few percent; the MEx AX3 files run
/// at ~103 Hz for a nominal 100), the host adds timestamp jitter, now and then a
/// burst of samples is lost (a buffer overrun: a gap), and now and then two
/// samples receive the same time stamp (read in one batch).
public struct SampleClock: Sendable {
    /// Nominal output data rate, Hz (what the metadata says).
    public var nominalRate: Double
    /// Actual rate / nominal rate − 1.
    public var rateError: Double
    /// Timestamp jitter, seconds (standard deviation).
    public var jitter: Double
    /// Expected gaps (dropped bursts) per minute.
    public var gapsPerMinute: Double
    /// Longest gap, in samples.
    public var maximumGap: Int
    /// Probability that a sample repeats the previous sample's time stamp.
    public var repeatProbability: Double

    /// Largest oscillator error drawn, fraction: ±3 % covers datasheet ODR
    /// tolerances and the +3 % seen in the MEx recordings.
    public static let maximumRateError = 0.03

    public init(nominalRate: Double, random: inout SimulationRandom) {
        self.nominalRate = nominalRate
        rateError = random.uniform(-Self.maximumRateError, Self.maximumRateError)
        // 2-20 % of the sample period, at most 2 ms: from a kernel timestamp on
        // each sample to a userspace clock read per buffer.
        jitter = min(0.002, random.uniform(0.02, 0.2) / nominalRate)
        gapsPerMinute = random.uniform(0.1, 2.0)
        // Up to 0.2-1 s lost at once (a buffer overrun, a bus hiccup).
        maximumGap = max(3, Int(nominalRate * random.uniform(0.2, 1.0)))
        repeatProbability = random.pick([0, 0, 0.0005, 0.002, 0.01])
    }

    /// The samples of a recording lasting `duration` seconds: the instant each
    /// was taken (physical time) and the time stamp written for it
    /// (non-decreasing, rounded to `stampResolution`).
    public func schedule(duration: Double, stampResolution: Double, random: inout SimulationRandom)
        -> [(taken: Double, stamp: Double)]
    {
        let period = 1 / (nominalRate * (1 + rateError))
        let gapProbability = gapsPerMinute / 60 * period
        var out: [(taken: Double, stamp: Double)] = []
        out.reserveCapacity(Int(duration / period) + 1)
        var n = 0
        var lastStamp = 0.0
        while true {
            let taken = Double(n) * period
            if taken > duration { break }
            n += 1
            if n > 1 && random.chance(gapProbability) {
                n += random.int(1...maximumGap) - 1  // this sample and some after it are lost
                continue
            }
            var stamp: Double
            if !out.isEmpty && random.chance(repeatProbability) {
                stamp = lastStamp
            } else {
                stamp = Swift.max(lastStamp, Swift.max(0, taken + random.normal(0, jitter, clampedTo: 3)))
            }
            stamp = (stamp / stampResolution).rounded() * stampResolution
            stamp = Swift.max(stamp, lastStamp)
            lastStamp = stamp
            out.append((taken, stamp))
        }
        return out
    }
}
