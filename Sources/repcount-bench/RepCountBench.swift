import ArgumentParser
import Foundation
import RepCountCore
import RepCountJSON
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

    @Flag(help: ArgumentHelp("Internal: with --replay-only, parse on the calling thread.", visibility: .hidden))
    var sequential = false

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
        if let replayOnly { return try sequential ? Self.replay(try RecordingReader(path: replayOnly)) : Self.replay(try PrefetchingRecordingReader(path: replayOnly)) }

        let path = try file ?? generateIfNeeded()
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let megabytes = Double(bytes) / 1e6
        print("recording: \(path) (\(Self.mb(bytes)) MB)")
        print("machine:   \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(Self.loadAverage()); best of \(runs) runs\n")

        // Child processes, each started by a measuring helper (see ChildProcess).
        let floor = try ChildProcess.run(["true"]).peakRSSBytes
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("repcount").path
        let useRepcount = !selfReplay && FileManager.default.isExecutableFile(atPath: sibling)
        let command = useRepcount ? [sibling, "replay", path, "--json"] : [ChildProcess.executablePath(), "--replay-only", path]
        let replay = try measureChildren(command)
        // The same replay on the file's first minute: constant memory means the same peak.
        let short = try Self.head(of: path, seconds: 60)
        defer { unlink(short) }
        let shortRSS = try ChildProcess.run(command.map { $0 == path ? short : $0 }).peakRSSBytes
        // The same job with parsing on the pipeline's thread, to show what the second thread buys.
        let oneThread = try measureChildren([ChildProcess.executablePath(), "--replay-only", path, "--sequential"])

        let py = noPython ? nil : try pythonReference(path)
        let truth = (try? Labels.read(path: Labels.path(forRecording: path))).map { $0.sets.reduce(0) { $0 + $1.reps.count } }

        // Parse only, in this process.
        var rows = 0
        let parse = try measure {
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
        let pipeline = try measure {
            var pipeline = Pipeline(configuration: configuration)
            var reps = 0
            let count: (PipelineEvent) -> Void = { if case .rep = $0 { reps += 1 } }
            for s in samples { pipeline.process(s, count) }
            pipeline.finish(count)
            swiftReps = reps
        }
        samples = []

        let n = Double(rows)
        func perSecond(_ seconds: Double?) -> String { seconds.map { Self.si(n / $0) } ?? "-" }
        func mbPerSecond(_ seconds: Double?) -> String { seconds.map { Self.fixed(megabytes / $0, 0) } ?? "-" }
        func seconds(_ s: Double?) -> String { s.map { Self.fixed($0, 3) } ?? "-" }
        let table: [(String, String, String)] = [
            ("", "Swift (RepCount)", "Python (pandas+scipy)"),
            ("parse only, rows/s", perSecond(parse.wall), perSecond(py?.read.wall)),
            ("parse only, MB/s", mbPerSecond(parse.wall), mbPerSecond(py?.read.wall)),
            ("pipeline only, samples/s", perSecond(pipeline.wall), perSecond(py?.process.wall)),
            ("end to end, s", seconds(replay.wall), seconds(py?.total.wall)),
            ("end to end, one thread, s", seconds(oneThread.wall), "-"),
            ("peak RSS, MB", Self.mb(replay.rss), py.map { Self.mb($0.total.rss) } ?? "-"),
            ("peak RSS, first minute, MB", Self.mb(shortRSS), "-"),
            ("reps counted", String(swiftReps), py.map { String($0.reps) } ?? "-"),
            ("reps in the file's labels", truth.map(String.init) ?? "-", truth.map(String.init) ?? "-"),
            ("per CPU second:", "", ""),
            ("parse only, rows/s", perSecond(parse.cpu), perSecond(py?.read.cpu)),
            ("pipeline only, samples/s", perSecond(pipeline.cpu), perSecond(py?.process.cpu)),
            ("end to end, CPU s", seconds(replay.cpu), seconds(py?.total.cpu)),
        ]
        for (label, swift, python) in table {
            print(Self.padRight(label, 30) + Self.pad(swift, 18) + Self.pad(python, 24))
        }
        let replayName = useRepcount ? "`repcount replay FILE --json > /dev/null`" : "`repcount-bench --replay-only FILE > /dev/null`"
        print("""

            rows: \(rows). Parse and pipeline run in this process, wall time; end to end is \(replayName)
            in a child process, wall time from fork to exit; it parses on a second thread as `repcount replay`
            does ("one thread": the same with parsing on the pipeline's thread). Python's end to end includes the interpreter's
            start and imports; its parse is pandas.read_csv, its pipeline the filter, tilt and counting.
            Peak RSS is the child's wait4 ru_maxrss (started by fork+exec from a small helper, which leaves
            a floor: `true` measures \(Self.mb(floor)) MB). CPU figures are user+system time: less sensitive
            to other load than wall time, not immune to it (the cores are shared). Reps counted: a check that both did the whole job (the
            Python job is the plain hysteresis counter); the labels are the generator's ground truth.
            """)
    }

    /// Best wall and CPU time of some runs, and the largest peak RSS seen.
    struct Measurement {
        var wall = Double.infinity
        var cpu = Double.infinity
        var rss = 0

        mutating func add(wall: Double, cpu: Double, rss: Int = 0) {
            self.wall = min(self.wall, wall)
            self.cpu = min(self.cpu, cpu)
            self.rss = max(self.rss, rss)
        }
    }

    /// The Python reference's figures: its own stage timings and the whole run.
    struct PythonFigures {
        var read = Measurement()
        var process = Measurement()
        var total = Measurement()
        var reps = 0
    }

    private func pythonReference(_ path: String) throws -> PythonFigures? {
        var figures = PythonFigures()
        for _ in 0..<runs {
            let r = try ChildProcess.run(["python3", python, path], captureOutput: true)
            guard r.status == 0, let line = r.output.split(separator: "\n").last,
                let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let read = o["read_s"] as? Double, let readCPU = o["read_cpu_s"] as? Double,
                let process = o["process_s"] as? Double, let processCPU = o["process_cpu_s"] as? Double,
                let reps = o["reps"] as? Int
            else {
                print("python3 \(python) failed (status \(r.status)); are pandas and scipy installed? (pip install pandas scipy)\n")
                return nil
            }
            figures.read.add(wall: read, cpu: readCPU)
            figures.process.add(wall: process, cpu: processCPU)
            figures.total.add(wall: r.seconds, cpu: r.cpuSeconds, rss: r.peakRSSBytes)
            figures.reps = reps
        }
        return figures
    }

    /// Runs `command` as a child process `runs` times; a run that fails stops the benchmark.
    private func measureChildren(_ command: [String]) throws -> Measurement {
        var m = Measurement()
        for _ in 0..<runs {
            let r = try ChildProcess.run(command)
            guard r.status == 0 else { throw ValidationError("\(command.joined(separator: " ")) exited with \(r.status)") }
            m.add(wall: r.seconds, cpu: r.cpuSeconds, rss: r.peakRSSBytes)
        }
        return m
    }

    /// Best wall and CPU (this process's user+system) time of `runs` runs of `body`.
    private func measure(_ body: () throws -> Void) throws -> Measurement {
        var m = Measurement()
        for _ in 0..<runs {
            let cpuStart = Self.processCPUSeconds()
            let start = ContinuousClock.now
            try body()
            m.add(wall: (ContinuousClock.now - start).seconds, cpu: Self.processCPUSeconds() - cpuStart)
        }
        return m
    }

    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func loadAverage() -> String {
        var loads = [0.0, 0.0, 0.0]
        guard getloadavg(&loads, 3) == 3 else { return "?" }
        return loads.map { fixed($0, 2) }.joined(separator: " ")
    }

    // MARK: Steps

    private func generateIfNeeded() throws -> String {
        let name = "repcount-bench-\(Self.fixed(hours, 2))h-\(Self.fixed(rate, 0))hz-\(Self.seed).csv"
        let path = NSTemporaryDirectory() + name
        if FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: Labels.path(forRecording: path)) {
            return path
        }
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
        // The generator's ground truth beside it, so `repcount eval` can score the file too.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(generator.labels(until: end)).write(to: URL(fileURLWithPath: Labels.path(forRecording: path)))
        // Renamed only when complete, so an interrupted run is not reused.
        guard rename(partial, path) == 0 else { throw ValidationError("rename \(partial): \(String(cString: strerror(errno)))") }
        return path
    }

    /// A copy of the recording's first `seconds`, in /tmp.
    static func head(of path: String, seconds: Double) throws -> String {
        let reader = try RecordingReader(path: path)
        let out = NSTemporaryDirectory() + "repcount-bench-head-\(getpid()).csv"
        let writer = try RecordingWriter(path: out, metadata: reader.metadata, timeDecimals: 3, valueDecimals: 3)
        while let s = try reader.next(), s.time < seconds { try writer.write(s) }
        try writer.close()
        return out
    }

    /// `repcount replay FILE --json`, in this process (see `--replay-only`).
    static func replay(_ reader: some SampleReading) throws {
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

/// The two readers, for the replay mode.
protocol SampleReading {
    var metadata: RecordingMetadata { get }
    func next() throws(RecordingError) -> Sample?
}

extension RecordingReader: SampleReading {}
extension PrefetchingRecordingReader: SampleReading {}

/// Keeps the optimiser from deleting a computation whose result is unused.
@inline(never)
func blackHole(_ x: Double) {
    if x == .pi * 1e300 { print(x) }
}
