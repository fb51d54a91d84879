import ArgumentParser
import Foundation
import RepCountCore
import RepCountIIO
import RepCountRecording

/// `repcount record`: raw capture of a live accelerometer to a recording.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a live accelerometer to a CSV recording.",
        discussion: """
            Writes the shared recording format (time_s, accel_x, accel_y, accel_z in m/s^2)
            with '# key: value' metadata, plus the raw counts (raw_x, raw_y, raw_z).
            A lost sensor is waited for; Ctrl-C (SIGINT) or SIGTERM ends the recording
            cleanly with everything written.
            """)

    @Option(help: "URI[:DEVICE], e.g. local:, local:adxl345, ip:192.168.2.1:lis3dh, usb:.")
    var device: String = "local:"

    @Option(help: "Seconds to record (on the sample time axis).")
    var seconds: Double

    @Option(help: "The recording to write (CSV).")
    var out: String

    @Option(help: "Sampling frequency to ask the device for, Hz (default: the device's own).")
    var rate: Double?

    @Option(help: "Exercise performed, written as '# exercise:' metadata (bridge, bird-dog, wall-sit).")
    var exercise: Exercise?

    @Option(help: "Sensor placement, written as '# placement:' metadata (thigh, hip, lower-back).")
    var placement: Placement?

    func validate() throws {
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        if let rate, !(rate > 0) { throw ValidationError("--rate must be positive") }
    }

    func run() throws {
        let address = try DeviceAddress(parsing: device)
        let source = LiveSource(configuration: LiveSourceConfiguration(address: address, requestedFrequency: rate))
        // Fail fast on a wrong address, a missing or ambiguous device.
        _ = try source.probe()

        let signals = Self.stopOnSignals(source)
        defer { signals.forEach { $0.cancel() } }
        var recording: RecordingWriter?
        var info: SensorInfo?
        var written = 0
        var failure: Error?
        source.run { event in
            switch event {
            case let .state(state):
                if case let .connected(i) = state, info == nil { info = i }
                FileHandle.standardError.write(Data("repcount record: \(state)\n".utf8))
            case let .samples(batch):
                do {
                    // Opened at the first samples, so the metadata can carry the
                    // device clock's origin.
                    if recording == nil, let info {
                        recording = try open(info, timestampOrigin: batch.first?.deviceTimestamp)
                    }
                    for s in batch {
                        guard s.sample.time < seconds else {
                            source.stop()
                            return
                        }
                        let a = s.sample.accel
                        try recording?.write(row: [s.sample.time, a.x, a.y, a.z, Double(s.raw.x), Double(s.raw.y), Double(s.raw.z)])
                        written += 1
                    }
                } catch {
                    failure = error
                    source.stop()
                }
            }
        }
        if let failure { throw failure }
        if recording == nil, let info { recording = try open(info, timestampOrigin: nil) }
        try recording?.close()
        FileHandle.standardError.write(Data("repcount record: wrote \(written) samples to \(out)\n".utf8))
    }

    /// The columns: the shared format's four, then the raw counts.
    static let columns = ["time_s", "accel_x", "accel_y", "accel_z", "raw_x", "raw_y", "raw_z"]

    private func open(_ info: SensorInfo, timestampOrigin: Int64?) throws -> RecordingWriter {
        var entries = Self.metadata(info)
        if let timestampOrigin { entries.append(("timestamp_origin_ns", "\(timestampOrigin)")) }
        if let exercise { entries.append(("exercise", exercise.rawValue)) }
        if let placement { entries.append(("placement", placement.rawValue)) }
        return try RecordingWriter(
            path: out, metadata: RecordingMetadata(entries: entries.map { (key: $0.0, value: $0.1) }), columns: Self.columns)
    }

    static func metadata(_ info: SensorInfo) -> [(String, String)] {
        var m: [(String, String)] = [
            ("source", "repcount record"),
            ("device", info.deviceName),
            ("device_id", info.deviceID),
            ("uri", info.uri),
            ("sample_rate_hz", "\(info.samplingFrequency)"),
            ("buffer_samples", "\(info.bufferSamples)"),
            ("time_base", info.hasTimestamp ? "timestamp channel" : "sample index / sample_rate_hz"),
            ("started_utc", ISO8601DateFormatter().string(from: Date())),
        ]
        if let label = info.label { m.append(("label", label)) }
        for (axis, cal) in zip(["x", "y", "z"], info.axes) {
            m.append(("format_\(axis)", cal.format.description))
            m.append(("scale_\(axis)", "\(cal.scale)"))
            m.append(("offset_\(axis)", "\(cal.offset)"))
        }
        return m
    }

    /// SIGINT and SIGTERM stop the source; the run loop then returns and the
    /// file is flushed and closed on the normal path.
    static func stopOnSignals(_ source: LiveSource) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signo in
            signal(signo, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            s.setEventHandler { source.stop() }
            s.resume()
            return s
        }
    }
}
