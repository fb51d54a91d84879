import ArgumentParser
import RepCountCore
import RepCountRecording

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Count the reps of a recorded session.")

    @Argument(help: "The recording (CSV).")
    var file: String

    @Option(help: "bridge, bird-dog or wall-sit (default: the file's metadata).")
    var exercise: Exercise?

    func run() throws {
        let reader = try RecordingReader(path: file)
        guard let exercise = exercise ?? reader.metadata.exercise else {
            throw ValidationError("\(file): no '# exercise:' metadata; pass --exercise")
        }
        var pipeline = Pipeline(configuration: PipelineConfiguration(exercise: exercise, placement: reader.metadata.placement))
        let print: (PipelineEvent) -> Void = { event in
            if case let .rep(r) = event {
                Swift.print("set \(r.set) rep \(r.number): \(r.start)-\(r.end) hold \(r.holdSeconds)")
            }
        }
        while let s = try reader.next() { pipeline.process(s, print) }
        pipeline.finish(print)
    }
}

extension Exercise: ExpressibleByArgument {}
extension Placement: ExpressibleByArgument {}
