import ArgumentParser
import Foundation
import RepCountCore
import RepCountJSON
import RepCountProtocol
import RepCountRecording
import RepCountTerminal

/// `repcount replay`: runs a recording through the same pipeline as a live
/// session and prints what it counted.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the reps of a recorded session.",
        discussion: """
            Reads a recording (docs/formats.md) and prints each rep with its hold
            against the target, a summary per set, and a summary of the session. With
            --json, prints the event stream instead: one JSON object per line (state,
            hold_target_reached, rep, set), ending with a summary, exactly as the
            daemon publishes it.

            Bad input (missing file, header without time_s/accel_x/accel_y/accel_z, a
            field that is not a number or not finite, time going backwards, an empty
            file, a labels file that does not match the schema) is reported as one
            line on stderr, 'repcount: FILE:LINE:COL: what', with exit status 1.

            Examples:
              repcount replay Recordings/mex/s01-bridge-thigh.csv
              repcount replay session.csv --exercise wall-sit --hold 15
              repcount replay session.csv --json | jq 'select(.type == "rep")'
              repcount replay Recordings/mex/s01-bridge-thigh.csv --speed 4   # 4x real time
            """
    )

    @Argument(help: "The recording (CSV).")
    var file: String

    @Option(help: "bridge, bird-dog or wall-sit (default: the file's '# exercise:' metadata).")
    var exercise: Exercise?

    @Option(help: "thigh, hip or lower-back (default: the file's metadata, else the exercise's recommended one).")
    var placement: Placement?

    @Option(help: ArgumentHelp("Target hold in seconds (default: the exercise's; 0 for quick reps).", valueName: "seconds"))
    var hold: Double?

    @Option(help: ArgumentHelp("Ground-truth labels to show beside the counts (NAME.labels.json).", valueName: "file"))
    var labels: String?

    @Flag(help: "Print the event stream as JSON Lines.")
    var json = false

    @Option(help: ArgumentHelp("Pace the replay: 1 plays it in real time, 10 ten times as fast (default: as fast as it goes).", valueName: "factor"))
    var speed: Double?

    func validate() throws {
        if let speed, !(speed.isFinite && speed > 0) {
            throw ValidationError("--speed must be a factor > 0, got \(speed)")
        }
        if let hold, !(hold.isFinite && hold >= 0) {
            throw ValidationError("--hold must be a number of seconds >= 0, got \(hold)")
        }
    }

    func run() throws {
        do {
            try replay()
        } catch let error as RecordingError {
            Output.standardError("repcount: \(error)")
            throw ExitCode.failure
        }
    }

    private func replay() throws {
        let truth = try labels.map { path throws(RecordingError) in try Labels.read(path: path) }
        // Parses on a second thread while this one runs the pipeline.
        let reader = try PrefetchingRecordingReader(path: file)
        guard let exercise = exercise ?? reader.metadata.exercise else {
            Output.standardError("repcount: \(file): no '# exercise:' metadata; pass --exercise bridge|bird-dog|wall-sit")
            throw ExitCode.validationFailure
        }
        var targets = exercise.defaultTargets
        if let hold { targets.holdSeconds = hold }
        let configuration = reader.metadata.pipelineConfiguration(exercise: exercise, placement: placement, targets: targets)
        var pipeline = Pipeline(configuration: configuration)
        var summary = SessionSummary(configuration: configuration)

        var pacer = speed.map { Pacer(speed: $0) }
        // Paced output is watched as it comes, so each event goes out at once.
        let live = speed != nil
        if json {
            var out = JSONLinesOutput()
            let emit: (PipelineEvent) -> Void = { event in
                summary.record(event)
                out.write(WireEvent(event))
                if live { out.flush() }
            }
            while let sample = try reader.next() {
                pacer?.wait(until: sample.time)
                pipeline.process(sample, emit)
            }
            pipeline.finish(emit)
            out.write(.summary(summary))
            out.flush()
        } else {
            var report = HumanReport(file: file, configuration: configuration)
            let emit: (PipelineEvent) -> Void = { event in
                summary.record(event)
                report.handle(event)
                if live { fflush(nil) }
            }
            while let sample = try reader.next() {
                pacer?.wait(until: sample.time)
                pipeline.process(sample, emit)
            }
            pipeline.finish(emit)
            report.finish(summary, labels: truth)
        }
    }
}

/// Holds the replay back to `speed` times the recording's own pace, so a
/// recorded session can be watched as if live.
private struct Pacer {
    let speed: Double
    /// Sleeping for less than this is not worth a system call, seconds.
    static let minimumSleep = 0.005
    private let start = ContinuousClock.now
    private var firstSampleTime: Double?

    init(speed: Double) { self.speed = speed }

    mutating func wait(until sampleTime: Double) {
        let first = firstSampleTime ?? sampleTime
        firstSampleTime = first
        let due = (sampleTime - first) / speed
        let elapsed = ContinuousClock.now - start
        let ahead = due - Double(elapsed.components.seconds) - Double(elapsed.components.attoseconds) * 1e-18
        if ahead >= Self.minimumSleep { usleep(UInt32(ahead * 1e6)) }
    }
}

/// Buffers JSON lines and writes them to stdout in large blocks; a 10-hour
/// recording yields thousands of state events.
private struct JSONLinesOutput {
    /// Bytes collected before a write to stdout.
    static let flushThreshold = 64 * 1024
    private var writer = JSONWriter(capacity: flushThreshold + 1024)

    mutating func write(_ event: WireEvent) {
        EventEncoder.encode(event, into: &writer)
        if writer.bytes.count >= Self.flushThreshold { flush() }
    }

    mutating func flush() {
        Output.standardOutput(writer.bytes)
        writer.reset()
    }
}

/// The default, human-readable output: one aligned line per rep, a line per
/// set, and the session's totals.
private struct HumanReport {
    let configuration: PipelineConfiguration
    private var currentSet = 0

    init(file: String, configuration: PipelineConfiguration) {
        self.configuration = configuration
        let t = configuration.targets
        let hold = t.holdSeconds > 0 ? "hold \(Self.seconds(t.holdSeconds)) s" : "quick reps (no hold)"
        let perSide = configuration.exercise.hasSides ? " per side" : ""
        print("\(file)")
        print("\(configuration.exercise.rawValue) on the \(configuration.placement.rawValue): \(hold), \(t.reps) reps\(perSide) x \(Self.count(t.sets, "set"))")
    }

    mutating func handle(_ event: PipelineEvent) {
        switch event {
        case let .rep(rep):
            if rep.set != currentSet {
                currentSet = rep.set
                print("\nset \(rep.set)")
            }
            print(repLine(rep))
        case let .setEnded(set):
            print(setLine(SetReport(set)))
        case .state, .holdTargetReached:
            break
        }
    }

    private func repLine(_ rep: Rep) -> String {
        var line = "  rep \(NumberFormat.padLeft(String(rep.number), 3))  \(Self.clock(rep.start)) - \(Self.clock(rep.end))"
        if configuration.exercise.hasSides { line += "  \(NumberFormat.padRight(rep.side?.rawValue ?? "-", 5))" }
        line += "  hold \(NumberFormat.padLeft(Self.seconds(rep.holdSeconds, measured: true), 5)) s"
        if rep.targetHoldSeconds > 0 {
            line += " / \(Self.seconds(rep.targetHoldSeconds)) s"
            if rep.isShort { line += "  short" }
        }
        return line
    }

    private func setLine(_ set: SetReport) -> String {
        var line = "  set \(set.set): \(Self.count(set.reps, "rep"))"
        if set.hasSides { line += " (\(set.rightReps) right, \(set.leftReps) left)" }
        line += ", target \(configuration.targets.reps)\(configuration.exercise.hasSides ? " per side" : "")"
        if let mean = set.meanHoldSeconds { line += ", mean hold \(Self.seconds(mean, measured: true)) s" }
        if configuration.targets.holdSeconds > 0 { line += ", \(set.shortReps) short" }
        return line
    }

    func finish(_ summary: SessionSummary, labels: Labels?) {
        print("")
        var line = "total: \(Self.count(summary.reps, "rep")) in \(Self.count(summary.sets.count, "set"))"
        if let mean = summary.meanHoldSeconds { line += ", mean hold \(Self.seconds(mean, measured: true)) s" }
        if summary.targets.holdSeconds > 0 { line += ", \(summary.shortReps) short of \(Self.seconds(summary.targets.holdSeconds)) s" }
        print(line)
        if let labels {
            let counts = labels.sets.map { String($0.reps.count) }.joined(separator: ", ")
            let total = labels.sets.reduce(0) { $0 + $1.reps.count }
            print("labels: \(Self.count(total, "rep")) in \(Self.count(labels.sets.count, "set")) (\(counts))")
        }
    }

    /// "1 set", "3 sets".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Seconds with one decimal, the hold timer's useful resolution for a
    /// person; a whole target prints without it ("6 s"), measured values keep it.
    static func seconds(_ s: Double, measured: Bool = false) -> String {
        let tenths = Int((s * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        if !measured, magnitude % 10 == 0 { return sign + String(magnitude / 10) }
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `m:ss.s` on the recording's time axis (`h:mm:ss.s` past an hour).
    static func clock(_ t: Double) -> String {
        let tenths = Int((t * 10).rounded())
        let s = tenths / 10 % 60
        let m = tenths / 600 % 60
        let h = tenths / 36000
        let sec = "\(s < 10 ? "0" : "")\(s).\(tenths % 10)"
        return h > 0 ? "\(h):\(m < 10 ? "0" : "")\(m):\(sec)" : NumberFormat.padLeft("\(m):\(sec)", 7)
    }
}

/// Unbuffered writes to the standard streams, bypassing `print`'s locking
/// for the JSON blocks and keeping the error line whole.
private enum Output {
    static func standardOutput(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll(1, $0) }
    }

    static func standardError(_ line: String) {
        // Human lines printed so far must come before the error.
        fflush(nil)
        Array((line + "\n").utf8).withUnsafeBytes { writeAll(2, $0) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe: nothing more can be said
            }
            offset += n
        }
    }
}

extension Exercise: ExpressibleByArgument {}
extension Placement: ExpressibleByArgument {}
