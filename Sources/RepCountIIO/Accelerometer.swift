import CLibIIO

/// A three-axis accelerometer found in an IIO context: its `accel_x/y/z`
/// input scan elements, the optional `timestamp` scan element, and how to
/// turn raw counts into m/s^2.
public struct Accelerometer {
    /// The IIO device.
    public let device: IIODevice
    /// The `accel_x`, `accel_y`, `accel_z` channels, in that order.
    public let axes: [IIOChannel]
    /// The `timestamp` scan element (nanoseconds, `s64`), when the device has one.
    public let timestamp: IIOChannel?

    /// The channel ids an accelerometer must have as input scan elements.
    public static let axisChannelIDs = ["accel_x", "accel_y", "accel_z"]

    /// Whether `device` has all three `accel_*` input scan elements.
    public static func isAccelerometer(_ device: IIODevice) -> Bool {
        axisChannelIDs.allSatisfy { id in device.channel(id).map { $0.isScanElement } ?? false }
    }

    /// Takes the accelerometer channels of `device`.
    public init(device: IIODevice) throws(IIOError) {
        var axes: [IIOChannel] = []
        for id in Self.axisChannelIDs {
            guard let c = device.channel(id), c.isScanElement else {
                throw .missingChannel(device: device.displayName, channel: id)
            }
            guard c.format.isSupported else {
                throw .unsupportedFormat(channel: "\(device.id)/\(id)", format: c.format.description)
            }
            axes.append(c)
        }
        self.device = device
        self.axes = axes
        let ts = device.channel("timestamp")
        self.timestamp = (ts?.isScanElement ?? false) && (ts?.format.isSupported ?? false) ? ts : nil
    }

    /// Finds the accelerometer in `context`: the device whose id, name or
    /// label is `query`, else the only device with `accel_x/y/z` input scan
    /// elements. Several candidates and no query is an error listing them.
    public static func find(in context: IIOContext, query: String?) throws(IIOError) -> Accelerometer {
        let devices = context.devices
        if let query, !query.isEmpty {
            guard let device = context.device(query) else {
                throw .deviceNotFound(uri: context.uri, query: query, available: devices.map(\.displayName))
            }
            return try Accelerometer(device: device)
        }
        let candidates = devices.filter(isAccelerometer)
        guard let first = candidates.first else {
            throw .noAccelerometer(uri: context.uri, available: devices.map(\.displayName))
        }
        guard candidates.count == 1 else {
            throw .ambiguousAccelerometer(uri: context.uri, candidates: candidates.map(\.displayName))
        }
        return try Accelerometer(device: first)
    }

    /// The `(raw + offset) * scale` calibration of each axis, from the
    /// channels' `scale` and `offset` attributes (`in_accel_scale`,
    /// `in_accel_x_offset`, ...). A missing `offset` is 0; a missing `scale`
    /// is 1 (the raw value is then taken to be in m/s^2 already).
    public func calibration() throws(IIOError) -> [AxisCalibration] {
        var result: [AxisCalibration] = []
        for axis in axes {
            let scale = axis.hasAttribute("scale") ? try axis.readDouble("scale") : 1
            let offset = axis.hasAttribute("offset") ? try axis.readDouble("offset") : 0
            result.append(AxisCalibration(scale: scale, offset: offset, format: axis.format))
        }
        return result
    }

    /// Where the sampling frequency lives: the per-type channel attribute
    /// (`in_accel_sampling_frequency`) if the driver has one, else the device
    /// attribute (`sampling_frequency`).
    private var frequencyTarget: FrequencyTarget? {
        if axes[0].hasAttribute("sampling_frequency") { return .channel(axes[0]) }
        if device.hasAttribute("sampling_frequency") { return .device(device) }
        return nil
    }

    private enum FrequencyTarget {
        case channel(IIOChannel)
        case device(IIODevice)
    }

    /// The sampling frequency in Hz, or nil when the device has no
    /// `sampling_frequency` attribute.
    public func samplingFrequency() throws(IIOError) -> Double? {
        let text: String
        let target: String
        switch frequencyTarget {
        case nil: return nil
        case let .channel(c)?: text = try c.readAttribute("sampling_frequency"); target = "\(device.id)/\(c.id)/sampling_frequency"
        case let .device(d)?: text = try d.readAttribute("sampling_frequency"); target = "\(device.id)/sampling_frequency"
        }
        guard let hz = Double(text.trimmed), hz.isFinite, hz >= 0 else {
            throw .malformedAttribute(target: target, text: text, expected: "a frequency in Hz")
        }
        return hz
    }

    /// The frequencies the driver offers (`sampling_frequency_available`),
    /// empty when it does not say.
    public func availableFrequencies() -> [Double] {
        let text: String?
        if axes[0].hasAttribute("sampling_frequency_available") {
            text = try? axes[0].readAttribute("sampling_frequency_available")
        } else if device.hasAttribute("sampling_frequency_available") {
            text = try? device.readAttribute("sampling_frequency_available")
        } else {
            text = nil
        }
        return (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
    }

    /// Asks the device for `hz` (or the nearest it offers) and returns the
    /// frequency it then reports.
    ///
    /// The corresponding C functions are `iio_channel_attr_write` or
    /// `iio_device_attr_write`, then a read back.
    @discardableResult
    public func setSamplingFrequency(_ hz: Double) throws(IIOError) -> Double? {
        let available = availableFrequencies()
        let chosen = available.min(by: { abs($0 - hz) < abs($1 - hz) }) ?? hz
        let text = chosen == chosen.rounded() ? String(Int(chosen)) : String(chosen)
        switch frequencyTarget {
        case nil: return nil
        case let .channel(c)?: try c.writeAttribute("sampling_frequency", text)
        case let .device(d)?: try d.writeAttribute("sampling_frequency", text)
        }
        return try samplingFrequency()
    }
}

/// How one axis turns raw counts into m/s^2: `(raw + offset) * scale`, the
/// kernel IIO ABI's rule for `in_accel_*` (libiio 0.24 does not apply it).
public struct AxisCalibration: Sendable, Equatable {
    /// m/s^2 per count (`in_accel_scale`).
    public var scale: Double
    /// Counts added before scaling (`in_accel_*_offset`).
    public var offset: Double
    /// The layout of the raw value in a scan.
    public var format: ScanFormat

    public init(scale: Double, offset: Double, format: ScanFormat) {
        self.scale = scale
        self.offset = offset
        self.format = format
    }

    /// The value in m/s^2 of a raw count.
    @inlinable
    public func apply(_ raw: Int64) -> Double { (Double(raw) + offset) * scale }
}
