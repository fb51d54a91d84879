import RepCountCore

/// One open connection to the accelerometer: context, channels, rate and a
/// running buffer. Made anew on every (re)connection, so that a device that
/// came back with a new id or format is picked up as it now is.
struct Connection {
    let context: IIOContext
    let accelerometer: Accelerometer
    let buffer: IIOBuffer
    let info: SensorInfo
    private let calibration: [AxisCalibration]
    private let timestampFormat: ScanFormat?

    init(configuration: LiveSourceConfiguration) throws(IIOError) {
        let context = try IIOContext(uri: configuration.address.uri)
        let accel = try Accelerometer.find(in: context, query: configuration.address.device)
        var rate: Double?
        if let asked = configuration.requestedFrequency {
            rate = try accel.setSamplingFrequency(asked)
        } else {
            rate = try accel.samplingFrequency()
            if rate == 0 {
                // A device at 0 Hz would never fill a buffer: give it a sane rate.
                rate = try accel.setSamplingFrequency(configuration.fallbackFrequency)
            }
        }
        let hz = (rate ?? 0) > 0 ? rate! : (configuration.requestedFrequency ?? configuration.fallbackFrequency)
        let calibration = try accel.calibration()
        for axis in accel.axes { axis.enable() }
        accel.timestamp?.enable()
        let samples = configuration.bufferSamples(at: hz)
        let timeoutMs = (configuration.refillTimeout + Double(samples) / hz) * 1000
        try context.setTimeout(milliseconds: UInt32(timeoutMs.rounded(.up)))
        let buffer = try accel.device.createBuffer(samples: samples)
        self.context = context
        self.accelerometer = accel
        self.buffer = buffer
        self.calibration = calibration
        self.timestampFormat = accel.timestamp?.format
        self.info = SensorInfo(
            uri: context.uri, deviceID: accel.device.id, deviceName: accel.device.name ?? accel.device.id,
            label: accel.device.label, samplingFrequency: hz, bufferSamples: samples,
            hasTimestamp: accel.timestamp != nil, axes: calibration)
    }

    /// Converts the samples of the last refill, in order.
    func decode(_ times: inout LiveTimeline) -> [LiveSample] {
        let step = buffer.step
        let start = buffer.start
        let count = step > 0 ? (buffer.end - start) / step : 0
        let ax = accelerometer.axes
        let px = buffer.first(ax[0]), py = buffer.first(ax[1]), pz = buffer.first(ax[2])
        let pt = accelerometer.timestamp.map { buffer.first($0) }
        let (cx, cy, cz) = (calibration[0], calibration[1], calibration[2])
        var out: [LiveSample] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let o = i * step
            let raw = SIMD3(cx.format.decode(px + o), cy.format.decode(py + o), cz.format.decode(pz + o))
            let ts = pt.map { timestampFormat!.decode($0 + o) }
            let t = times.next(timestamp: ts)
            let s = Sample(time: t, x: cx.apply(raw.x), y: cy.apply(raw.y), z: cz.apply(raw.z))
            out.append(LiveSample(sample: s, raw: raw, deviceTimestamp: ts))
        }
        return out
    }
}
