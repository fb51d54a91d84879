import ArgumentParser
import Foundation
import RepCountCore
import RepCountIIO

/// `repcount record`: raw capture of a live accelerometer to a recording.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a live accelerometer to a CSV recording.",
        discussion: """
            Writes the shared recording format (time_s, accel_x, accel_y, accel_z in m/s^2)
            with '# key: value' metadata, plus the raw counts and the device timestamp.
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
        let info = try source.probe()
        let file = try RecordingFile(path: out)
        var metadata = Self.metadata(info)
        if let exercise { metadata.append(("exercise", exercise.rawValue)) }
        if let placement { metadata.append(("placement", placement.rawValue)) }
        try file.writeMetadata(metadata)
        try file.writeLine("time_s,accel_x,accel_y,accel_z,raw_x,raw_y,raw_z,timestamp_ns")

        let signals = Self.stopOnSignals(source)
        defer { signals.forEach { $0.cancel() } }
        var written = 0
        var failure: Error?
        source.run { event in
            switch event {
            case let .state(state):
                FileHandle.standardError.write(Data("repcount record: \(state)\n".utf8))
            case let .samples(batch):
                for s in batch {
                    guard s.sample.time < seconds else {
                        source.stop()
                        return
                    }
                    let t = s.sample.time, a = s.sample.accel
                    let ts = s.deviceTimestamp.map(String.init) ?? ""
                    do {
                        try file.writeLine("\(t),\(a.x),\(a.y),\(a.z),\(s.raw.x),\(s.raw.y),\(s.raw.z),\(ts)")
                    } catch {
                        failure = error
                        source.stop()
                        return
                    }
                    written += 1
                }
            }
        }
        try file.close()
        if let failure { throw failure }
        FileHandle.standardError.write(Data("repcount record: wrote \(written) samples to \(out)\n".utf8))
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

/// A recording being written: metadata lines, header, rows, through stdio's
/// buffer (flushed on close). Small on purpose: replace with
/// RepCountRecording's writer once that exists.
private final class RecordingFile {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?

    init(path: String) throws {
        self.path = path
        guard let f = fopen(path, "w") else {
            throw ValidationError("\(path): cannot open for writing: \(String(cString: strerror(errno)))")
        }
        file = f
    }

    deinit { if let file { fclose(file) } }

    func writeMetadata(_ pairs: [(String, String)]) throws {
        for (k, v) in pairs { try writeLine("# \(k): \(v)") }
    }

    func writeLine(_ line: String) throws {
        guard let file else { return }
        if fputs(line + "\n", file) < 0 {
            throw ValidationError("\(path): write failed: \(String(cString: strerror(errno)))")
        }
    }

    func close() throws {
        guard let f = file else { return }
        file = nil
        if fclose(f) != 0 {
            throw ValidationError("\(path): close failed: \(String(cString: strerror(errno)))")
        }
    }
}
