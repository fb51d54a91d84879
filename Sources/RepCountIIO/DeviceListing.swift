/// What `repcount devices` shows about one context: its devices and, for
/// accelerometers, rate, scale, offset and data formats.
public struct ContextListing: Sendable, Equatable, Codable {
    public var uri: String
    public var backend: String
    public var description: String
    public var devices: [DeviceListing]

    /// Opens the context at `uri` and describes it.
    public init(uri: String) throws(IIOError) {
        let context = try IIOContext(uri: uri)
        self.uri = uri
        self.backend = context.backendName
        self.description = context.contextDescription
        self.devices = context.devices.map(DeviceListing.init)
    }
}

/// One device of a context.
public struct DeviceListing: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
    public var label: String?
    /// Input channel ids, in libiio's order.
    public var channels: [String]
    /// Present when the device has `accel_x/y/z` input scan elements.
    public var accelerometer: AccelerometerListing?

    init(_ device: IIODevice) {
        id = device.id
        name = device.name
        label = device.label
        channels = device.channels.filter { !$0.isOutput }.map(\.id)
        accelerometer = Accelerometer.isAccelerometer(device) ? AccelerometerListing(device) : nil
    }
}

/// An accelerometer's reading parameters.
public struct AccelerometerListing: Sendable, Equatable, Codable {
    /// `sampling_frequency`, Hz; nil if the device has none.
    public var samplingFrequencyHz: Double?
    /// `sampling_frequency_available`, Hz.
    public var availableFrequenciesHz: [Double]
    /// Whether a `timestamp` scan element exists.
    public var timestamp: Bool
    /// x, y, z.
    public var axes: [AxisListing]
    /// Why the listing is incomplete (an attribute could not be read), if so.
    public var problem: String?

    init(_ device: IIODevice) {
        var problem: String?
        var rate: Double?
        var axes: [AxisListing] = []
        var available: [Double] = []
        var timestamp = false
        do {
            let accel = try Accelerometer(device: device)
            timestamp = accel.timestamp != nil
            available = accel.availableFrequencies()
            rate = try accel.samplingFrequency()
            for (channel, cal) in zip(accel.axes, try accel.calibration()) {
                axes.append(AxisListing(channel: channel.id, format: cal.format.description, scale: cal.scale, offset: cal.offset))
            }
        } catch {
            problem = error.description
        }
        self.samplingFrequencyHz = rate
        self.availableFrequenciesHz = available
        self.timestamp = timestamp
        self.axes = axes
        self.problem = problem
    }
}

/// One axis: `(raw + offset) * scale` m/s^2 from values laid out as `format`.
public struct AxisListing: Sendable, Equatable, Codable {
    public var channel: String
    public var format: String
    public var scale: Double
    public var offset: Double
}
