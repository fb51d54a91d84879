import ArgumentParser
import RepCountEvaluation
import RepCountRecording

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the counter on labelled recordings.",
        discussion: """
            Every NAME.csv with a NAME.labels.json beside it is counted with the same
            pipeline as `replay` and scored: per set, the share counted exactly and the
            count MAE; per rep, precision, recall and F1 (a counted rep matches the
            labelled rep it overlaps in time, one to one); the hold-duration MAE and
            90th percentile over matched reps; and side accuracy for bird dogs.

            Examples:
              repcount eval Recordings
              repcount eval Recordings/mex --files
              repcount eval Recordings --json > scores.json
            """
    )

    @Argument(help: "Recordings, or directories searched recursively for labelled recordings.")
    var paths: [String]

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Flag(help: "Add a row per recording to the table.")
    var files = false

    func run() async throws {
        let recordings = try Evaluator.recordings(in: paths)
        guard !recordings.isEmpty else {
            throw ValidationError("no labelled recordings (NAME.csv with NAME.labels.json) in \(paths.joined(separator: " "))")
        }
        let report = EvaluationReport(try await Evaluator.evaluate(paths: recordings))
        print(json ? report.json() : report.table(perFile: files))
    }
}
