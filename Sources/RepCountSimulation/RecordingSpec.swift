import RepCountCore

/// Everything that determines one simulated recording: the name, what the person
/// does, the sensor, and the seed. The same spec always gives the same bytes.
public struct RecordingSpec: Sendable, Equatable {
    /// File stem: the recording is `NAME.csv`, its labels `NAME.labels.json`.
    public var name: String
    public var plan: SessionPlan
    public var device: SensorDevice
    /// Nominal output data rate, Hz.
    public var sampleRate: Double
    public var seed: UInt64

    public init(name: String, plan: SessionPlan, device: SensorDevice, sampleRate: Double, seed: UInt64) {
        self.name = name
        self.plan = plan
        self.device = device
        self.sampleRate = sampleRate
        self.seed = seed
    }
}
