/// How `LiveSource` finds and reads the accelerometer.
public struct LiveSourceConfiguration: Sendable, Equatable {
    /// Where the sensor is: context URI and optional device.
    public var address: DeviceAddress
    /// The rate to ask the device for, Hz; nil keeps the device's own.
    public var requestedFrequency: Double?
    /// Seconds of samples per buffer refill (`defaultBufferDuration` unless set).
    public var bufferDuration: Double
    /// Seconds, the default refill: 50 ms keeps the source's own latency well under
    /// the 100 ms budget while a refill at 400 Hz still carries 20 samples, so
    /// per-refill costs stay small.
    public static let defaultBufferDuration = 0.05
    /// Seconds a refill may wait beyond one buffer's worth of samples before
    /// the sensor counts as lost. One second tolerates scheduling hiccups yet
    /// reports an unplugged sensor before the user wonders.
    public var refillTimeout: Double
    /// Rate used when the device reports 0 Hz (or no rate at all), Hz: 100 Hz
    /// resolves the slowest movement phases the pipeline looks for (~0.5 s)
    /// many times over and is offered by common accelerometer drivers.
    public var fallbackFrequency: Double
    /// First wait before reconnecting, s; doubled after each failed attempt.
    public var initialBackoff: Double
    /// Longest wait between reconnection attempts, s: a returning sensor is
    /// picked up within this time.
    public var maximumBackoff: Double

    public init(
        address: DeviceAddress, requestedFrequency: Double? = nil, bufferDuration: Double = LiveSourceConfiguration.defaultBufferDuration,
        refillTimeout: Double = 1.0, fallbackFrequency: Double = 100, initialBackoff: Double = 0.1,
        maximumBackoff: Double = 2.0
    ) {
        self.address = address
        self.requestedFrequency = requestedFrequency
        self.bufferDuration = bufferDuration
        self.refillTimeout = refillTimeout
        self.fallbackFrequency = fallbackFrequency
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
    }

    /// Samples per refill at `frequency` Hz: `bufferDuration` worth, at least 1.
    public func bufferSamples(at frequency: Double) -> Int {
        max(1, Int((frequency * bufferDuration).rounded()))
    }

    /// The wait before reconnection attempt `attempt` (1-based), s.
    public func backoff(attempt: Int) -> Double {
        min(maximumBackoff, initialBackoff * Double(1 << min(max(attempt - 1, 0), 20)))
    }
}
