/// The live sensor's condition, as reported by `LiveSource`.
///
/// A session survives every change here: the source keeps the sample time
/// axis monotone across losses, so the pipeline fed from it never restarts.
public enum SensorState: Sendable, Equatable, CustomStringConvertible {
    /// Opening the context and device for the first time.
    case connecting(uri: String)
    /// Samples are flowing (reported after the first refill of a connection).
    case connected(SensorInfo)
    /// The sensor stopped delivering: unplugged, `iiod` gone, a refill failed
    /// or timed out. `reason` is the failing libiio call and errno text.
    case lost(reason: String)
    /// Waiting `delaySeconds` before attempt number `attempt` to reconnect;
    /// `reason` says why the previous attempt failed.
    case reconnecting(attempt: Int, delaySeconds: Double, reason: String)
    /// `stop()` was called; no further events follow.
    case stopped

    public var description: String {
        switch self {
        case let .connecting(uri): "connecting to \(uri)"
        case let .connected(info): "connected to \(info.deviceName) (\(info.deviceID)) at \(info.uri), \(info.samplingFrequency) Hz"
        case let .lost(reason): "lost: \(reason)"
        case let .reconnecting(attempt, delay, reason): "reconnecting (attempt \(attempt) in \(delay) s): \(reason)"
        case .stopped: "stopped"
        }
    }

    /// A short name for logs and wire protocols: `connecting`, `connected`,
    /// `lost`, `reconnecting`, `stopped`.
    public var name: String {
        switch self {
        case .connecting: "connecting"
        case .connected: "connected"
        case .lost: "lost"
        case .reconnecting: "reconnecting"
        case .stopped: "stopped"
        }
    }
}

/// What a connection found: the device, its rate and calibration.
public struct SensorInfo: Sendable, Equatable {
    /// The context URI.
    public var uri: String
    /// The IIO device id (`iio:device0`).
    public var deviceID: String
    /// The driver name (`adxl345`), or the id when the driver gives none.
    public var deviceName: String
    /// The device label, if any.
    public var label: String?
    /// Samples per second the source assumes (the device's `sampling_frequency`).
    public var samplingFrequency: Double
    /// Samples per buffer refill.
    public var bufferSamples: Int
    /// Whether times come from the `timestamp` channel (else from the sample index).
    public var hasTimestamp: Bool
    /// Calibration of x, y, z.
    public var axes: [AxisCalibration]

    public init(
        uri: String, deviceID: String, deviceName: String, label: String?, samplingFrequency: Double,
        bufferSamples: Int, hasTimestamp: Bool, axes: [AxisCalibration]
    ) {
        self.uri = uri
        self.deviceID = deviceID
        self.deviceName = deviceName
        self.label = label
        self.samplingFrequency = samplingFrequency
        self.bufferSamples = bufferSamples
        self.hasTimestamp = hasTimestamp
        self.axes = axes
    }
}
