/// Turns the time stamps of incoming samples into usable intervals.
///
/// Real sources deliver uneven times: jitter, repeated time stamps (the MEx AX3
/// recordings repeat about one in ten), dropped samples, and now and then a gap.
/// The clock never looks at a wall clock: time comes only from the samples, so a
/// replay sees exactly what the live session saw.
public struct SampleClock: Sendable, Equatable {
    /// What the clock made of one sample's time stamp.
    public enum Step: Sendable, Equatable {
        /// The first sample of the stream.
        case first
        /// A normal step of `dt` seconds (0 for a repeated time stamp).
        case step(dt: Double)
        /// The sample follows a gap of `dt` seconds: the filters must restart from this
        /// sample rather than interpolate motion across the hole.
        case gap(dt: Double)
    }

    /// Seconds. A longer interval between two samples is a gap, not a slow sample.
    /// Exercise movements take 1-5 s; across half a second of missing data a
    /// low-pass filter with a 0.1 s time constant would be extrapolating, and the
    /// interpolated ramp would look like motion that never happened.
    public static let defaultMaximumStep = 0.5

    /// Largest interval treated as an ordinary step, seconds.
    public let maximumStep: Double
    /// Time of the latest sample, seconds; `nil` before the first.
    public private(set) var time: Double?

    public init(maximumStep: Double = SampleClock.defaultMaximumStep) {
        self.maximumStep = maximumStep
    }

    /// Advances to `sampleTime`. Time going backwards (which a validated recording never
    /// does, but a live source might after a device reset) is treated as a repeated
    /// time stamp: the clock holds its time, so intervals never turn negative.
    public mutating func advance(to sampleTime: Double) -> Step {
        guard let previous = time else {
            time = sampleTime
            return .first
        }
        let dt = sampleTime - previous
        if dt <= 0 { return .step(dt: 0) }
        time = sampleTime
        return dt > maximumStep ? .gap(dt: dt) : .step(dt: dt)
    }
}
