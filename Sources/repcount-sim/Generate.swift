import ArgumentParser
import RepCountCore
import RepCountSimulation

/// Generates one recording from options given on the command line.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one simulated recording and its labels.")

    @Option(help: "bridge, bird-dog or wall-sit.")
    var exercise: Exercise

    @Option(help: "thigh, hip or lower-back (default: the exercise's recommended one).")
    var placement: Placement?

    @Option(help: "standard, slow (4-5 s ramps, no plateau), quick (no hold) or blocks (bird dog one side at a time).")
    var style: SessionPlan.Style = .standard

    @Option(help: "Sets in the session.")
    var sets: Int = 1

    @Option(help: "Reps per set (per side for bird dogs).")
    var reps: Int = 10

    @Option(help: "Hold the person aims for, seconds (default: the exercise's target).")
    var hold: Double?

    @Option(help: "adxl345, adxl355, lis3dh or mpu6050.")
    var device: SensorDevice = .adxl345

    @Option(help: "Output data rate, Hz.")
    var rate: Double = 100

    @Option(help: "Seed: the same seed and options give the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "File stem; writes NAME.csv and NAME.labels.json.")
    var name: String = "sim"

    @Option(help: "Directory to write into (must exist).")
    var out: String = "."

    func validate() throws {
        guard sets >= 1, reps >= 1 else { throw ValidationError("--sets and --reps must be at least 1") }
        guard (10...2000).contains(rate) else { throw ValidationError("--rate must be within 10...2000 Hz") }
    }

    func run() throws {
        let plan = SessionPlan(exercise: exercise, placement: placement ?? exercise.defaultPlacement, style: style,
                               sets: sets, reps: reps, holdTarget: hold ?? exercise.defaultTargets.holdSeconds)
        let spec = RecordingSpec(name: name, plan: plan, device: device, sampleRate: rate, seed: seed)
        try Self.write(SimulatedRecording(spec: spec), to: out)
    }

    /// Writes NAME.csv and NAME.labels.json and prints a one-line summary.
    static func write(_ recording: SimulatedRecording, to directory: String) throws {
        try recording.write(toDirectory: directory)
        let reps = recording.labels.sets.map { String($0.reps.count) }.joined(separator: "+")
        let minutes = (recording.samples.last?.time ?? 0) / 60
        print("\(recording.spec.name).csv  \(recording.spec.plan.exercise.rawValue)/\(recording.spec.plan.placement.rawValue)  \(FixedDecimal.format(recording.spec.sampleRate, decimals: 1)) Hz  \(FixedDecimal.format(minutes, decimals: 1)) min  \(recording.samples.count) samples  reps \(reps)")
    }
}
