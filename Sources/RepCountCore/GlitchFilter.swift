/// Repairs isolated one-sample glitches before anything else sees them.
///
/// A sensor read can come back wrong for one sample (a bus error, a bit flip, a
/// corrupt FIFO entry): a jump of a g or more away from both neighbours, which
/// themselves agree. The body cannot do that: a limb carries mass, and even a knock
/// on the sensor rings over the next samples, so its neighbours disagree (MEx s08 at
/// 52.77 s: +2.2 g, then -0.6 g, left as it is). Left in, one such sample reads as a
/// footfall (`GravityEstimator`'s activity) and drops the rep it falls in. The filter
/// holds one sample back to see its successor, and releases it as it was or, if it
/// was a glitch, as the mean of its neighbours: the pipeline runs one sample late.
public struct GlitchFilter: Sendable, Equatable {
    /// m/s^2, jump from each neighbour that makes a sample suspect: 1 g.
    public static let jump = 9.80665
    /// m/s^2, largest difference between the neighbours for the sample to be a glitch:
    /// two samples apart (20-40 ms at the rates in use), a limb's own motion and the
    /// sensor's noise move by a few tenths of a g at most, while the ringing after a knock
    /// swings by more (0.6 g and more in MEx s08).
    public static let agreement = 0.3 * 9.80665

    /// Samples seen, up to 2: the held one exists from 1, the one before it from 2.
    private var seen = 0
    private var before = Sample(time: 0, accel: .zero)
    private var held = Sample(time: 0, accel: .zero)

    public init() {}

    /// Feeds a sample; returns the one before it, repaired if it was a glitch (nil for the
    /// first sample). Neighbours across a gap of `maximumStep` are not compared.
    @inline(__always)
    public mutating func feed(_ sample: Sample, maximumStep: Double = SampleClock.defaultMaximumStep) -> Sample? {
        guard seen > 0 else {
            held = sample
            seen = 1
            return nil
        }
        var out = held
        // The first test rules out almost every sample: one subtraction and one dot product.
        let d1 = out.accel - before.accel
        if seen > 1, d1.dot(d1) > Self.jump * Self.jump, sample.time - before.time <= maximumStep {
            let d2 = out.accel - sample.accel
            let n = sample.accel - before.accel
            if d2.dot(d2) > Self.jump * Self.jump, n.dot(n) < Self.agreement * Self.agreement {
                out.accel = (before.accel + sample.accel) * 0.5
            }
        }
        before = out
        held = sample
        seen = 2
        return out
    }

    /// The sample still held back, at the end of the input.
    public mutating func flush() -> Sample? {
        guard seen > 0 else { return nil }
        seen = 0
        return held
    }
}
