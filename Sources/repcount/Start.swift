import ArgumentParser
import RepCountCore
import RepCountProtocol

/// `repcount start`: begin a session.
struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a session: one exercise, or the day's plan when no exercise is given.")

    @OptionGroup var daemon: DaemonOptions

    @Argument(help: "bridge, bird-dog or wall-sit (omit to follow the plan).")
    var exercise: Exercise?

    @Option(help: "Reps per set (per side for bird dogs).")
    var reps: Int?

    @Option(name: .customLong("hold"), help: "Hold target per rep, seconds.")
    var holdSeconds: Double?

    @Option(help: "Number of sets.")
    var sets: Int?

    @Option(help: "Where the sensor is: thigh, hip or lower-back.")
    var placement: Placement?

    func validate() throws {
        if exercise == nil, reps != nil || holdSeconds != nil || sets != nil || placement != nil {
            throw ValidationError("targets need an exercise (the plan has its own)")
        }
    }

    func run() async throws {
        let request = Request.start(
            StartRequest(exercise: exercise, placement: placement, reps: reps, holdSeconds: holdSeconds, sets: sets))
        let r = try await daemon.withConnection { try await $0.call(request) }
        print(
            "started session \(r["session"]?.int ?? 0): \(r["exercise"]?.string ?? "?"), \(r["target_sets"]?.int ?? 0) x \(r["target_reps"]?.int ?? 0), hold \(StatusText.format(r["target_hold_s"]?.number)) s")
    }
}
