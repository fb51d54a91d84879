import ArgumentParser
import Foundation
import RepCountCore
import RepCountIIO
import RepCountTestSupport

/// Measures the live source and the pipeline on the emulated device in real
/// time: latency from a scan entering the device FIFO to its sample leaving
/// the source, the rep events' end-to-end latency and the pipeline's own
/// detection delay, and the CPU time of the reading thread (source +
/// pipeline) per second of wall time.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the live source + pipeline: latency and CPU (prints figures).")

    @OptionGroup var options: DeviceOptions

    @Option(help: "bridge, bird-dog or wall-sit.")
    var exercise = "bridge"

    @Option(help: "Read through iiod on 127.0.0.1:PORT instead of the local backend.")
    var iiodPort: UInt16?

    func run() throws {
        let ns = try IIONamespace()
        let device = options.device
        let writer = try ns.perform { try device.install(); return try FIFOWriter(path: device.devicePath) }
        let daemon = try iiodPort.map { try IIODaemon(namespace: ns, port: $0) }
        defer { daemon?.stop() }
        let total = Int(options.seconds * options.rate)
        guard let exercise = Exercise(rawValue: exercise) else { throw ValidationError("unknown exercise \(exercise)") }
        let source = LiveSource(configuration: LiveSourceConfiguration(address: DeviceAddress(uri: daemon?.uri ?? "local:", device: nil)))
        let result = Measurements()
        let done = DispatchSemaphore(value: 0)
        try ns.startThread(name: "repcount.iio.bench") {
            var pipeline = Pipeline(configuration: PipelineConfiguration(exercise: exercise))
            var cpuStart: Double?
            source.run { event in
                guard case let .samples(batch) = event else { return }
                let now = ScanFeeder.monotonicNanoseconds()
                if cpuStart == nil { cpuStart = threadCPUSeconds() }
                for s in batch {
                    let index = result.arrivals.count
                    result.arrivals.append(now)
                    pipeline.process(s.sample) { e in
                        guard case let .rep(rep) = e else { return }
                        result.reps.append((index: index, emitted: ScanFeeder.monotonicNanoseconds(), sampleTime: s.sample.time, rep: rep))
                    }
                }
                if result.arrivals.count >= total - source.configuration.bufferSamples(at: options.rate) {
                    result.cpu = threadCPUSeconds() - (cpuStart ?? 0)
                    result.cpuWall = Double(ScanFeeder.monotonicNanoseconds() - result.arrivals[0]) / 1e9
                    source.stop()
                }
            }
            done.signal()
        }
        // Chunks of one scan: each enters the FIFO when it is due, as from a sensor.
        let feeder = ScanFeeder(writer: writer, count: total, rate: options.rate, recordTimes: true, scan: try options.scanMaker(device))
        done.wait()
        feeder.stop()
        report(feeder.times, result)
    }

    func report(_ writes: [UInt64], _ m: Measurements) {
        let n = min(writes.count, m.arrivals.count)
        let latencies = (0..<n).map { Double(Int64(m.arrivals[$0]) - Int64(writes[$0])) / 1e6 }.sorted()
        func pct(_ xs: [Double], _ p: Double) -> Double { xs.isEmpty ? .nan : xs[min(xs.count - 1, Int(Double(xs.count) * p))] }
        print("device: \(options.format) at \(options.rate) Hz, timestamp \(!options.noTimestamp), \(iiodPort.map { "via iiod :\($0)" } ?? "local backend")")
        print(String(format: "samples: %d written, %d read", writes.count, m.arrivals.count))
        print(String(format: "source latency (FIFO write -> sample out), ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f",
                     pct(latencies, 0.5), pct(latencies, 0.95), pct(latencies, 0.99), latencies.last ?? .nan))
        let e2e = m.reps.compactMap { r in r.index < writes.count ? Double(Int64(r.emitted) - Int64(writes[r.index])) / 1e6 : nil }.sorted()
        let detection = m.reps.map { $0.sampleTime - $0.rep.end }
        let afterHold = m.reps.map { $0.sampleTime - $0.rep.holdEnd }.sorted()
        print(String(format: "reps: %d; rep event latency (FIFO write of the completing sample -> event out), ms: p50 %.2f  max %.2f",
                     m.reps.count, pct(e2e, 0.5), e2e.last ?? .nan))
        print(String(format: "pipeline detection delay (sample time of the emitting sample - rep end), s: max %.3f; hold end -> rep event, s: p50 %.2f  max %.2f",
                     detection.max() ?? .nan, pct(afterHold, 0.5), afterHold.last ?? .nan))
        print(String(format: "CPU of the reading thread (source + pipeline): %.3f s over %.1f s = %.3f%% of one core",
                     m.cpu, m.cpuWall, 100 * m.cpu / m.cpuWall))
    }
}

/// What the reading thread records; read after it has finished.
final class Measurements: @unchecked Sendable {
    var arrivals: [UInt64] = []
    var reps: [(index: Int, emitted: UInt64, sampleTime: Double, rep: Rep)] = []
    var cpu = 0.0
    var cpuWall = 1.0
}

/// CPU time (user + system) of the calling thread, s (getrusage RUSAGE_THREAD).
func threadCPUSeconds() -> Double {
    var usage = rusage()
    // RUSAGE_THREAD (1) is Linux-specific and not exported by Swift's Glibc module.
    getrusage(__rusage_who_t(1), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
