import ArgumentParser
import Foundation
import RepCountCore
import RepCountProtocol
import RepCountRecording

/// `repcount-bench`: measures recording I/O and the pipeline on a long
/// recording, and the same job in Python (pandas + scipy), side by side.
@main
struct RepCountBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repcount-bench",
        abstract: "Benchmark replay (parse + pipeline) on a long recording against pandas+scipy.",
        discussion: """
            Generates (or reuses) a deterministic bridge recording in /tmp, then prints:
            parse-only rows/s and MB/s, pipeline-only samples/s, end-to-end replay
            seconds and peak RSS (a child run of `repcount replay --json`, or of this
            program's own replay mode when `repcount` is not built beside it), and
            the same job in Python (reference.py) run as a subprocess.

            Run: swift build -c release && swift run -c release repcount-bench
            """
    )

    @Option(help: "Length of the generated recording, hours.")
    var hours: Double = 10

    @Option(help: "Sample rate of the generated recording, Hz.")
    var rate: Double = 100

    @Option(help: "Benchmark this recording instead of generating one.")
    var file: String?

    @Option(help: "Repetitions of each measurement; the best is reported.")
    var runs: Int = 3

    @Option(help: "The Python reference script.")
    var python: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("reference.py").path

    @Flag(help: "Skip the Python comparison.")
    var noPython = false

    @Flag(help: "Measure this program's replay mode even if `repcount` is built beside it.")
    var selfReplay = false

    @Option(help: ArgumentHelp("Internal: replay FILE to stdout as `repcount replay --json` does, and exit.", visibility: .hidden))
    var replayOnly: String?

    /// Dispatches the hidden measuring-helper mode before argument parsing.
    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count > 1, arguments[1] == ChildProcess.helperFlag {
            ChildProcess.helperMain(Array(arguments[2...]))
        }
        main(nil)
    }

    /// Seed of the generated recording; changing it changes the file name too.
    static let seed: UInt64 = 20_251_121

    func validate() throws {
        guard hours > 0, hours <= 100 else { throw ValidationError("--hours must be in (0, 100]") }
        guard rate >= 10, rate <= 2000 else { throw ValidationError("--rate must be in [10, 2000] Hz") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        if let replayOnly { return try Self.replay(replayOnly) }

        let path = try file ?? generateIfNeeded()
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let megabytes = Double(bytes) / 1e6
        print("recording: \(path) (\(Self.mb(bytes)) MB)")
        print("machine:   \(ProcessInfo.processInfo.activeProcessorCount) cores; best of \(runs) runs\n")

        // Child processes, each started by a measuring helper (see ChildProcess).
        let floor = try ChildProcess.run(["true"]).peakRSSBytes
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("repcount").path
        let useRepcount = !selfReplay && FileManager.default.isExecutableFile(atPath: sibling)
        let command = useRepcount ? [sibling, "replay", path, "--json"] : [ChildProcess.executablePath(), "--replay-only", path]
        var replaySeconds = Double.infinity
        var replayCPU = Double.infinity
        var replayRSS = 0
        for _ in 0..<runs {
            let r = try ChildProcess.run(command)
            guard r.status == 0 else { throw ValidationError("\(command.joined(separator: " ")) exited with \(r.status)") }
            replaySeconds = min(replaySeconds, r.seconds)
            replayCPU = min(replayCPU, r.cpuSeconds)
            replayRSS = max(replayRSS, r.peakRSSBytes)
        }

        // Python.
        var py: (read: Double, process: Double, total: Double, cpu: Double, rss: Int, reps: Int)?
        if !noPython {
            var best: (read: Double, process: Double, total: Double, cpu: Double, rss: Int, reps: Int)?
            for _ in 0..<runs {
                let r = try ChildProcess.run(["python3", python, path], captureOutput: true)
                guard r.status == 0, let line = r.output.split(separator: "\n").last,
                    let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let read = o["read_s"] as? Double, let process = o["process_s"] as? Double, let reps = o["reps"] as? Int
                else {
                    print("python3 \(python) failed (status \(r.status)); is pandas+scipy installed? (pip install pandas scipy)")
                    break
                }
                let this = (read, process, r.seconds, r.cpuSeconds, r.peakRSSBytes, reps)
                best = best.map { b in
                    (min(b.read, read), min(b.process, process), min(b.total, r.seconds), min(b.cpu, r.cpuSeconds), max(b.rss, r.peakRSSBytes), reps)
                } ?? this
            }
            py = best
        }

        // Parse only.
        var rows = 0
        let parse = try best {
            let reader = try RecordingReader(path: path)
            var n = 0
            var checksum = 0.0
            while let s = try reader.next() {
                n += 1
                checksum += s.accel.x
            }
            rows = n
            blackHole(checksum)
        }

        // Pipeline only, on samples already in memory.
        var samples: [Sample] = []
        samples.reserveCapacity(rows)
        let reader = try RecordingReader(path: path)
        let configuration = Self.configuration(for: reader.metadata)
        while let s = try reader.next() { samples.append(s) }
        var swiftReps = 0
        let pipelineSeconds = try best {
            var pipeline = Pipeline(configuration: configuration)
            var reps = 0
            let count: (PipelineEvent) -> Void = { if case .rep = $0 { reps += 1 } }
            for s in samples { pipeline.process(s, count) }
            pipeline.finish(count)
            swiftReps = reps
        }
        samples = []

        let n = Double(rows)
        func rate(_ seconds: Double?) -> String { seconds.map { Self.si(n / $0) } ?? "-" }
        let table: [(String, String, String)] = [
            ("", "Swift (RepCount)", "Python (pandas+scipy)"),
            ("parse only, rows/s", rate(parse), rate(py?.read)),
            ("parse only, MB/s", Self.fixed(megabytes / parse, 0), py.map { Self.fixed(megabytes / $0.read, 0) } ?? "-"),
            ("pipeline only, samples/s", rate(pipelineSeconds), rate(py?.process)),
            ("end to end, s", Self.fixed(replaySeconds, 3), py.map { Self.fixed($0.total, 3) } ?? "-"),
            ("end to end, CPU s", Self.fixed(replayCPU, 3), py.map { Self.fixed($0.cpu, 3) } ?? "-"),
            ("peak RSS, MB", Self.mb(replayRSS), py.map { Self.mb($0.rss) } ?? "-"),
            ("reps counted", String(swiftReps), py.map { String($0.reps) } ?? "-"),
        ]
        for (label, swift, python) in table {
            print(Self.padRight(label, 26) + Self.pad(swift, 18) + Self.pad(python, 24))
        }
        print("\npeak RSS: wait4 ru_maxrss of the child (fork+exec from a small helper; `true` measures \(Self.mb(floor)) MB that way).")
        print("rows: \(rows); end to end = \(useRepcount ? "`repcount replay FILE --json > /dev/null`" : "`repcount-bench --replay-only FILE > /dev/null`") (wall time, child process);")
        print("python end to end includes interpreter start and imports; its parse = pandas.read_csv, pipeline = filter + tilt + counting.")
        print("reps differ by design: the Python job is the plain threshold counter, RepCount's pipeline does more.")
    }

    // MARK: Steps

    private func generateIfNeeded() throws -> String {
        let name = "repcount-bench-\(Self.fixed(hours, 2))h-\(Self.fixed(rate, 0))hz-\(Self.seed).csv"
        let path = NSTemporaryDirectory() + name
        if FileManager.default.fileExists(atPath: path) { return path }
        print("generating \(path) ...")
        let partial = path + ".partial"
        let metadata = RecordingMetadata(entries: [
            (key: "sample_rate_hz", value: Self.fixed(rate, 0)), (key: "exercise", value: "bridge"),
            (key: "placement", value: "thigh"), (key: "device", value: "synthetic (repcount-bench seed \(Self.seed))"),
        ])
        let writer = try RecordingWriter(path: partial, metadata: metadata, timeDecimals: 3, valueDecimals: 3)
        var generator = SignalGenerator(rate: rate, seed: Self.seed)
        let end = hours * 3600
        while true {
            let s = generator.next()
            if s.time >= end { break }
            try writer.write(s)
        }
        try writer.close()
        // Renamed only when complete, so an interrupted run is not reused.
        guard rename(partial, path) == 0 else { throw ValidationError("rename \(partial): \(String(cString: strerror(errno)))") }
        return path
    }

    /// The best (shortest) wall time of `runs` runs of `body`.
    private func best(_ body: () throws -> Void) throws -> Double {
        var bestSeconds = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            bestSeconds = min(bestSeconds, (ContinuousClock.now - start).seconds)
        }
        return bestSeconds
    }

    /// `repcount replay FILE --json`, in this process (see `--replay-only`).
    static func replay(_ path: String) throws {
        let reader = try RecordingReader(path: path)
        let configuration = configuration(for: reader.metadata)
        var pipeline = Pipeline(configuration: configuration)
        var summary = SessionSummary(configuration: configuration)
        var writer = JSONWriter(capacity: 72 * 1024)
        let emit: (PipelineEvent) -> Void = { event in
            summary.record(event)
            EventEncoder.encode(event, into: &writer)
            if writer.bytes.count >= 64 * 1024 {
                FileHandle.standardOutput.write(Data(writer.bytes))
                writer.reset()
            }
        }
        while let s = try reader.next() { pipeline.process(s, emit) }
        pipeline.finish(emit)
        EventEncoder.encode(.summary(summary), into: &writer)
        FileHandle.standardOutput.write(Data(writer.bytes))
    }

    static func configuration(for metadata: RecordingMetadata) -> PipelineConfiguration {
        PipelineConfiguration(exercise: metadata.exercise ?? .bridge, placement: metadata.placement)
    }

    // MARK: Formatting

    static func si(_ v: Double) -> String {
        v >= 1e6 ? fixed(v / 1e6, 2) + " M" : v >= 1e3 ? fixed(v / 1e3, 1) + " k" : fixed(v, 0)
    }

    static func mb(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) }

    static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    static func padRight(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}

/// Keeps the optimiser from deleting a computation whose result is unused.
@inline(never)
func blackHole(_ x: Double) {
    if x == .pi * 1e300 { print(x) }
}
