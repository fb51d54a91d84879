import Foundation
import RepCountCore
import RepCountIIO
import RepCountTestSupport
import Testing

/// The live source against real libiio 0.24 reading an emulated device.
@Suite(.serialized, .enabled(if: Emulation.available, "needs root and unshare(2): \(Emulation.skipReason)"))
struct LiveSourceTests {
    /// A counter pattern: x counts up through the format's range, y down, z is
    /// a function of both; timestamps 2.5 ms apart (400 Hz).
    static func counterScan(_ device: EmulatedAccelerometer) -> @Sendable (Int) -> [UInt8] {
        { i in
            let r = device.rawRange
            let span = r.upperBound - r.lowerBound + 1
            let x = r.lowerBound + Int64(i) % span
            let y = r.upperBound - Int64(i) % span
            let z = r.lowerBound + (Int64(i) * 7) % span
            return device.pack(raw: (x, y, z), timestamp: 1_000_000_000 + Int64(i) * 2_500_000)
        }
    }

    @Test func readsCounterPatternThroughLocalBackend() throws {
        let ns = try IIONamespace()
        defer { ns.close() }
        let device = EmulatedAccelerometer(format: "le:s13/16>>0", samplingFrequency: "400")
        let writer = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        let total = 2000
        let feeder = ScanFeeder(writer: writer, count: total + 400, scan: Self.counterScan(device))
        let source = LiveSource(configuration: LiveSourceConfiguration(address: DeviceAddress(uri: "local:", device: nil)))
        let log = try ns.run(source)
        let got = log.wait(timeout: 20) { $0.samples.count >= total }
        source.stop()
        feeder.stop()
        #expect(got, "states: \(log.states)")
        #expect(log.wait(timeout: 5) { $0.states.last == .stopped })
        let samples = log.samples
        let r = device.rawRange
        let span = r.upperBound - r.lowerBound + 1
        for (i, s) in samples.prefix(total).enumerated() {
            #expect(s.raw == SIMD3(r.lowerBound + Int64(i) % span, r.upperBound - Int64(i) % span, r.lowerBound + (Int64(i) * 7) % span), "sample \(i)")
            if s.raw.x != r.lowerBound + Int64(i) % span { break }
        }
    }
}
