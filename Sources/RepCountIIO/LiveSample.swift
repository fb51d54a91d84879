import RepCountCore

/// One sample from the live source: the calibrated `Sample` the pipeline
/// takes, plus the raw counts and device timestamp it came from (for raw
/// capture and for checks).
public struct LiveSample: Sendable, Equatable {
    /// Time (s, monotone over the whole session) and acceleration (m/s^2).
    public var sample: Sample
    /// Raw counts of x, y, z after the data format is applied, before
    /// `offset` and `scale`.
    public var raw: SIMD3<Int64>
    /// The `timestamp` channel value (ns), when the device has one.
    public var deviceTimestamp: Int64?

    public init(sample: Sample, raw: SIMD3<Int64>, deviceTimestamp: Int64?) {
        self.sample = sample
        self.raw = raw
        self.deviceTimestamp = deviceTimestamp
    }
}

/// What the live source reports, in order: state changes and batches of
/// samples (one batch per buffer refill).
public enum LiveSourceEvent: Sendable, Equatable {
    case state(SensorState)
    case samples([LiveSample])
}
