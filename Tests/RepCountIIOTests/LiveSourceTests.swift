import Foundation
import RepCountCore
import RepCountIIO
import RepCountTestSupport
import Testing

/// The live source against real libiio 0.24 reading an emulated device, over
/// the local backend and over iiod (`ip:`).
@Suite(.serialized, .enabled(if: Emulation.available, "needs root and unshare(2): \(Emulation.skipReason)"))
struct LiveSourceTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case local, network
        var testDescription: String { rawValue }
    }

    /// A short backoff so loss and return take a second, not ten. The refill
    /// timeout is generous (2 s) where no loss is meant to happen, so a busy CI
    /// machine cannot fake one, and short (0.5 s) where the test unplugs.
    static func configuration(_ uri: String, device: String? = nil, rate: Double? = nil, refillTimeout: Double = 2) -> LiveSourceConfiguration {
        LiveSourceConfiguration(
            address: DeviceAddress(uri: uri, device: device), requestedFrequency: rate, refillTimeout: refillTimeout,
            initialBackoff: 0.05, maximumBackoff: 0.2)
    }

    /// Timestamps of scan `i`: 2.5 ms apart (400 Hz) from an arbitrary epoch.
    static func timestamp(_ i: Int) -> Int64 { 1_700_000_000_000_000_000 + Int64(i) * 2_500_000 }

    /// The counter pattern's raw values for scan `i`: x counts up through the
    /// format's range, y down, z in steps of 7, so a lost, repeated or
    /// reordered scan shows in every axis.
    static func counter(_ device: EmulatedAccelerometer, _ i: Int) -> SIMD3<Int64> {
        let r = device.rawRange
        let span = r.upperBound - r.lowerBound + 1
        return SIMD3(r.lowerBound + Int64(i) % span, r.upperBound - Int64(i) % span, r.lowerBound + (Int64(i) * 7) % span)
    }

    static func counterScan(_ device: EmulatedAccelerometer, from first: Int = 0) -> @Sendable (Int) -> [UInt8] {
        { k in
            let i = first + k
            let v = counter(device, i)
            return device.pack(raw: (v.x, v.y, v.z), timestamp: timestamp(i))
        }
    }

    /// Starts the emulated world: namespace, device, FIFO writer, and iiod
    /// when the backend is `network`. Returns the URI to read from.
    static func world(_ device: EmulatedAccelerometer, _ backend: Backend) throws -> (IIONamespace, FIFOWriter, IIODaemon?, String) {
        let ns = try IIONamespace()
        let writer = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        guard backend == .network else { return (ns, writer, nil, "local:") }
        let daemon = try IIODaemon(namespace: ns)
        return (ns, writer, daemon, daemon.uri)
    }

    @Test(arguments: Backend.allCases)
    func counterPatternCrossesRefillsWithoutLossOrDuplicate(backend: Backend) throws {
        let device = EmulatedAccelerometer(format: "le:s13/16>>0", samplingFrequency: "400")
        let (ns, writer, daemon, uri) = try Self.world(device, backend)
        defer { daemon?.stop(); ns.close() }
        let total = 5000  // 250 refills of 20 samples
        let feeder = ScanFeeder(writer: writer, count: total + 200, scan: Self.counterScan(device))
        let source = LiveSource(configuration: Self.configuration(uri))
        let log = try ns.run(source)
        let got = log.wait(timeout: 30) { $0.samples.count >= total }
        source.stop()
        feeder.stop()
        #expect(got, "only \(log.samples.count) samples; states: \(log.states)")
        #expect(log.wait(timeout: 5) { $0.states.last == .stopped })
        let samples = log.samples
        var mismatches = 0
        for (i, s) in samples.prefix(total).enumerated() where s.raw != Self.counter(device, i) || s.deviceTimestamp != Self.timestamp(i) {
            mismatches += 1
            if mismatches == 1 { Issue.record("sample \(i): raw \(s.raw), expected \(Self.counter(device, i))") }
        }
        #expect(mismatches == 0)
        for (i, s) in samples.prefix(total).enumerated() {
            #expect(s.sample.time == Double(Int64(i) * 2_500_000) / 1e9, "time of sample \(i)")
            if s.sample.time != Double(Int64(i) * 2_500_000) / 1e9 { break }
        }
        guard case let .connected(info)? = log.states.first(where: { $0.name == "connected" }) else {
            Issue.record("never connected: \(log.states)")
            return
        }
        #expect(info.bufferSamples == 20)  // 50 ms at 400 Hz
        #expect(info.hasTimestamp)
    }

    /// The formats of common parts, and the junk bits around the value that
    /// the reader must drop; every value in m/s^2 is (raw + offset) * scale.
    static let formats: [(format: String, timestamp: Bool)] = [
        ("le:s13/16>>0", true), ("le:s12/16>>4", true), ("be:s16/16>>0", true),
        ("le:s13/16>>0", false), ("le:s12/16>>4", false), ("be:s14/16>>2", false),
        ("le:u10/16>>6", true), ("be:s20/32>>4", true),
    ]

    @Test(arguments: formats)
    func convertsDataFormatScaleAndOffset(format: String, timestamp: Bool) throws {
        let device = EmulatedAccelerometer(
            format: format, scale: "0.009576", offsets: ["-3", "0", "17"], samplingFrequency: "200", timestamp: timestamp)
        let (ns, writer, _, uri) = try Self.world(device, .local)
        defer { ns.close() }
        // Edges of the range, zero, and a sweep in between.
        let r = device.rawRange
        var values: [Int64] = [r.lowerBound, r.upperBound, 0, 1, -1, r.lowerBound + 1, r.upperBound - 1].filter(r.contains)
        values += (0..<93).map { r.lowerBound + (r.upperBound - r.lowerBound) * Int64($0) / 92 }
        let raws = values.indices.map { i in SIMD3(values[i], values[(i + 1) % values.count], values[(i + 2) % values.count]) }
        let count = raws.count
        let feeder = ScanFeeder(writer: writer, count: count + 20) { i in
            let v = raws[i % count]
            return device.pack(raw: (v.x, v.y, v.z), timestamp: 5_000_000_000 + Int64(i) * 5_000_000)
        }
        let source = LiveSource(configuration: Self.configuration(uri))
        let log = try ns.run(source)
        let got = log.wait(timeout: 20) { $0.samples.count >= count }
        source.stop()
        feeder.stop()
        #expect(got, "states: \(log.states)")
        let scale = 0.009576
        let offsets = [-3.0, 0, 17]
        for (i, s) in log.samples.prefix(count).enumerated() {
            let raw = raws[i]
            let expected = Vector3((Double(raw.x) + offsets[0]) * scale, (Double(raw.y) + offsets[1]) * scale, (Double(raw.z) + offsets[2]) * scale)
            // With a timestamp channel, time is its ns from the first; else index / 200 Hz.
            let time = timestamp ? Double(Int64(i) * 5_000_000) / 1e9 : Double(i) / 200
            let deviceTime: Int64? = timestamp ? 5_000_000_000 + Int64(i) * 5_000_000 : nil
            #expect(s.raw == raw, "raw of sample \(i)")
            #expect(s.sample.accel == expected, "m/s^2 of sample \(i)")
            #expect(s.sample.time == time, "time of sample \(i)")
            #expect(s.deviceTimestamp == deviceTime, "timestamp of sample \(i)")
            // One failing sample says it all; stop before thousands of repeats.
            if s.raw != raw || s.sample.accel != expected || s.sample.time != time || s.deviceTimestamp != deviceTime { break }
        }
    }

    @Test func unpluggedDeviceIsLostAndResumedOnReturn() throws {
        let device = EmulatedAccelerometer(format: "le:s12/16>>4", samplingFrequency: "400")
        let (ns, writer, _, uri) = try Self.world(device, .local)
        defer { ns.close() }
        let before = 800
        let feeder = ScanFeeder(writer: writer, count: before, scan: Self.counterScan(device))
        let source = LiveSource(configuration: Self.configuration(uri, refillTimeout: 0.5))
        let log = try ns.run(source)
        #expect(log.wait(timeout: 20) { $0.samples.count >= before }, "states: \(log.states)")
        try feeder.wait(timeout: 5)
        // Unplug: the writer goes away and the sysfs entry and node vanish.
        writer.close()
        try ns.perform { try device.remove() }
        #expect(log.wait(timeout: 10) { $0.states.contains { $0.name == "lost" } }, "states: \(log.states)")
        #expect(log.wait(timeout: 10) { $0.states.filter { $0.name == "reconnecting" }.count >= 3 }, "states: \(log.states)")
        let reasons = log.states.compactMap { s -> String? in
            if case let .reconnecting(_, _, reason) = s { return reason }
            return nil
        }
        #expect(reasons.contains { $0.contains("no accelerometer") || $0.contains("iio_create_context_from_uri") }, "\(reasons)")
        // Plug it back in; the sensor's counter and clock went on meanwhile.
        let resume = 3000
        let writer2 = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        let feeder2 = ScanFeeder(writer: writer2, count: 1000, scan: Self.counterScan(device, from: resume))
        #expect(log.wait(timeout: 20) { $0.samples.count >= before + 800 }, "states: \(log.states)")
        source.stop()
        feeder2.stop()
        #expect(log.wait(timeout: 5) { $0.states.last == .stopped })
        let names = log.states.map(\.name)
        #expect(names.first == "connecting")
        #expect(names.filter { $0 == "connected" }.count == 2, "\(names)")
        let lost = names.firstIndex(of: "lost")!
        #expect(names[..<lost].filter { $0 == "connected" }.count == 1 && names[(lost + 1)...].contains("connected"))
        let samples = log.samples
        for (i, s) in samples.prefix(before).enumerated() { #expect(s.raw == Self.counter(device, i)); if s.raw != Self.counter(device, i) { break } }
        for (k, s) in samples.dropFirst(before).prefix(800).enumerated() {
            #expect(s.raw == Self.counter(device, resume + k), "sample \(before + k) after return")
            if s.raw != Self.counter(device, resume + k) { break }
        }
        let times = samples.map(\.sample.time)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "times must increase across the return")
        // The device clock went on, so the pause shows on the time axis.
        #expect(times[before] == Double(Int64(resume) * 2_500_000) / 1e9)
    }

    @Test func iiodGoneAndBackResumesTheSameSession() throws {
        let device = EmulatedAccelerometer(format: "be:s16/16>>0", samplingFrequency: "400", timestamp: false)
        let (ns, writer, daemon, uri) = try Self.world(device, .network)
        defer { daemon?.stop(); ns.close() }
        // Real time: the sensor keeps producing while iiod is away.
        let feeder = ScanFeeder(writer: writer, count: 400 * 30, rate: 400, chunk: 4, scan: Self.counterScan(device))
        defer { feeder.stop() }
        let source = LiveSource(configuration: Self.configuration(uri, refillTimeout: 0.5))
        let log = try ns.run(source)
        #expect(log.wait(timeout: 10) { $0.samples.count >= 400 }, "states: \(log.states)")
        daemon!.stop()
        #expect(log.wait(timeout: 10) { $0.states.contains { $0.name == "lost" } }, "states: \(log.states)")
        #expect(log.wait(timeout: 10) { $0.states.filter { $0.name == "reconnecting" }.count >= 2 }, "states: \(log.states)")
        let atLoss = log.samples.count
        try daemon!.start()
        #expect(log.wait(timeout: 15) { $0.samples.count >= atLoss + 400 }, "states: \(log.states); iiod: \(daemon!.log)")
        source.stop()
        #expect(log.wait(timeout: 5) { $0.states.last == .stopped })
        #expect(log.states.filter { $0.name == "connected" }.count == 2, "\(log.states.map(\.name))")
        let samples = log.samples
        // The counter only moves forward (scans iiod held when killed are lost,
        // as with a real network drop), and time keeps increasing.
        let xs = samples.map(\.raw.x)
        let counterOK = zip(xs, xs.dropFirst()).allSatisfy { a, b in b == a + 1 || (a == Int64(Int16.max) && b == Int64(Int16.min)) || b > a }
        #expect(counterOK)
        let times = samples.map(\.sample.time)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        // Without a timestamp channel the pause is bridged by the host clock,
        // so the return is never earlier than one sample period later.
        #expect(times[atLoss] - times[atLoss - 1] >= 1.0 / 400)
    }

    @Test(arguments: Backend.allCases)
    func countsExactlyAsReplayOfTheSameRecording(backend: Backend) throws {
        let source = try #require(Fixtures.mexRecording("s03-bridge-thigh.csv"), "MEx recording not found")
        let device = EmulatedAccelerometer(name: "adxl345", format: "le:s13/16>>0", scale: "0.038300", samplingFrequency: "100")
        // The recording as this device would have produced it: counts on its
        // grid, times on its nanosecond clock, written out exactly.
        let quantized = try Fixtures.quantize(recording: source, for: device)
        defer { try? FileManager.default.removeItem(atPath: quantized.path) }
        let replayEvents = try Fixtures.replay(quantized.path)
        #expect(replayEvents.contains { if case .rep = $0 { true } else { false } }, "the fixture should hold reps")

        let (ns, writer, daemon, uri) = try Self.world(device, backend)
        defer { daemon?.stop(); ns.close() }
        let scans = quantized.scans
        // Pad with the last scan so the final partial buffer is delivered too.
        let feeder = ScanFeeder(writer: writer, count: scans.count + 100) { i in
            let (raw, ts) = i < scans.count ? scans[i] : (scans[scans.count - 1].0, scans[scans.count - 1].1 + Int64(i - scans.count + 1) * 10_000_000)
            return device.pack(raw: (raw.x, raw.y, raw.z), timestamp: ts)
        }
        let live = LiveSource(configuration: Self.configuration(uri))
        let log = try ns.run(live)
        #expect(log.wait(timeout: 60) { $0.samples.count >= scans.count }, "states: \(log.states)")
        live.stop()
        feeder.stop()
        var pipeline = Pipeline(configuration: PipelineConfiguration(exercise: .bridge, placement: .thigh))
        var liveEvents: [PipelineEvent] = []
        for s in log.samples.prefix(scans.count) { pipeline.process(s.sample) { liveEvents.append($0) } }
        pipeline.finish { liveEvents.append($0) }
        #expect(liveEvents == replayEvents)
    }

    @Test func eventsStreamDeliversStatesAndSamplesInOrder() async throws {
        let device = EmulatedAccelerometer(samplingFrequency: "400")
        let (ns, writer, _, uri) = try Self.world(device, .local)
        defer { ns.close() }
        let feeder = ScanFeeder(writer: writer, count: 1200, scan: Self.counterScan(device))
        defer { feeder.stop() }
        let source = LiveSource(configuration: Self.configuration(uri))
        // Start the reading thread inside the namespace; consume from here.
        let stream = try ns.perform { source.events() }
        var names: [String] = []
        var samples: [LiveSample] = []
        for await event in stream {
            switch event {
            case let .state(s): names.append(s.name)
            case let .samples(batch):
                samples += batch
                if samples.count >= 1000 { source.stop() }
            }
        }
        #expect(names == ["connecting", "connected", "stopped"])
        #expect(samples.prefix(1000).enumerated().allSatisfy { $0.element.raw == Self.counter(device, $0.offset) })
    }
}
