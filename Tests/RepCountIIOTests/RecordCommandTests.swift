import Foundation
import RepCountIIO
import RepCountRecording
import RepCountTestSupport
import Testing

/// `repcount record` and `repcount devices`, the built executable run inside
/// the emulated device's namespace.
@Suite(.serialized, .enabled(if: Emulation.available, "needs root and unshare(2): \(Emulation.skipReason)"))
struct RecordCommandTests {
    /// The `repcount` executable `swift test` built next to the test bundle.
    static let repcount = BuiltProducts.executable("repcount")

    static func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "repcount-\(getpid())-\(UUID().uuidString)-\(name)"
    }

    @Test func recordsSecondsOfSamplesWithMetadata() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.repcount), "build repcount first: \(Self.repcount)")
        let device = EmulatedAccelerometer(format: "le:s12/16>>4", scale: "0.009576", offsets: ["1", "0", "-2"], samplingFrequency: "200")
        let ns = try IIONamespace()
        defer { ns.close() }
        let writer = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        let feeder = ScanFeeder(writer: writer, count: 2000, scan: LiveSourceTests.counterScan(device))
        defer { feeder.stop() }
        let out = Self.temporary("rec.csv"), log = Self.temporary("rec.log")
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: log) }
        let pid = try ns.spawn([Self.repcount, "record", "--device", "local:adxl345", "--seconds", "1.5", "--out", out, "--exercise", "bridge"], stderr: log)
        let (status, _) = IIONamespace.wait(pid)
        #expect(status == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let reader = try RecordingReader(path: out)
        #expect(reader.metadata["device"] == "adxl345")
        #expect(reader.metadata.sampleRateHz == 200)
        #expect(reader.metadata["scale_x"] == "0.009576" && reader.metadata["offset_z"] == "-2.0")
        #expect(reader.metadata["format_y"] == "le:s12/16>>4")
        #expect(reader.metadata.exercise == .bridge)
        #expect(reader.metadata["timestamp_origin_ns"] == "\(LiveSourceTests.timestamp(0))")
        #expect(reader.columns == ["time_s", "accel_x", "accel_y", "accel_z", "raw_x", "raw_y", "raw_z"])
        var n = 0
        while let s = try reader.next() {
            let raw = LiveSourceTests.counter(device, n)
            #expect(s.time == Double(Int64(n) * 2_500_000) / 1e9)
            // RecordingWriter keeps 4 decimals of m/s^2.
            #expect(abs(s.accel.x - (Double(raw.x) + 1) * 0.009576) <= 0.5e-4 && abs(s.accel.z - (Double(raw.z) - 2) * 0.009576) <= 0.5e-4)
            n += 1
        }
        // The raw counts, column by column.
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        for (i, row) in rows.prefix(50).enumerated() {
            let f = row.split(separator: ",").map { Double($0)! }
            let raw = LiveSourceTests.counter(device, i)
            #expect(f[4...6].map { Int64($0) } == [raw.x, raw.y, raw.z])
        }
        // 400 Hz-spaced timestamps (the counter pattern's) for 1.5 s.
        #expect(n == 600)
    }

    @Test func sigintEndsTheRecordingWithEverythingWritten() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.repcount), "build repcount first: \(Self.repcount)")
        let device = EmulatedAccelerometer(samplingFrequency: "400")
        let ns = try IIONamespace()
        defer { ns.close() }
        let writer = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        // Real time, so the recording is still running when SIGINT comes.
        let feeder = ScanFeeder(writer: writer, count: 400 * 20, rate: 400, chunk: 4, scan: LiveSourceTests.counterScan(device))
        defer { feeder.stop() }
        let out = Self.temporary("int.csv"), log = Self.temporary("int.log")
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: log) }
        let pid = try ns.spawn([Self.repcount, "record", "--device", "local:", "--seconds", "60", "--out", out], stderr: log)
        usleep(1_500_000)
        kill(pid, SIGINT)
        let (status, _) = IIONamespace.wait(pid)
        let stderr = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasSuffix("\n"), "the last row must be complete")
        let reader = try RecordingReader(path: out)
        var n = 0
        while let s = try reader.next() {
            #expect(s.time == Double(Int64(n) * 2_500_000) / 1e9)
            n += 1
        }
        #expect(n > 200, "about 1.5 s at 400 Hz expected, got \(n)")
        #expect(stderr.contains("wrote \(n) samples"), "\(stderr)")
    }

    @Test func devicesListsTheAccelerometerAsJSON() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.repcount), "build repcount first: \(Self.repcount)")
        let device = EmulatedAccelerometer(label: "thigh", format: "be:s16/16>>0", scale: "0.000598", offsets: ["0", "5", "0"], samplingFrequency: "800", availableFrequencies: "100 400 800", timestamp: false)
        let ns = try IIONamespace()
        defer { ns.close() }
        try ns.perform { try device.install() }
        let out = Self.temporary("devices.json")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, _) = IIONamespace.wait(try ns.spawn([Self.repcount, "devices", "--json"], stdout: out))
        #expect(status == 0)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let listings = try decoder.decode([ContextListing].self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        let d = try #require(listings.first { $0.uri == "local:" }?.devices.first)
        #expect(d.id == "iio:device0" && d.name == "adxl345" && d.label == "thigh")
        let a = try #require(d.accelerometer)
        #expect(a.samplingFrequencyHz == 800 && a.availableFrequenciesHz == [100, 400, 800] && !a.timestamp)
        #expect(a.axes.map(\.format) == ["be:s16/16>>0", "be:s16/16>>0", "be:s16/16>>0"])
        #expect(a.axes.map(\.scale) == [0.000598, 0.000598, 0.000598] && a.axes.map(\.offset) == [0, 5, 0])
    }
}
