import ArgumentParser
import RepCountSimulation

/// Regenerates the recordings of `BatchCatalogue` into a directory.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every recording of the fixed batch (sim-*.csv and sim-*.labels.json).")

    @Option(help: "Directory to write into (must exist).")
    var out: String = "Recordings"

    @Option(name: .customLong("only"), help: "Only the recordings whose name contains this text.")
    var only: String?

    @Option(help: "Added to every recording's seed: the same sessions, on recordings the counter was never tuned on (Recordings/tools/holdout.sh).")
    var seedOffset: UInt64 = 0

    func run() throws {
        let chosen = BatchCatalogue.recordings.filter { spec in only.map { spec.name.contains($0) } ?? true }
        guard !chosen.isEmpty else { throw ValidationError("no recording of the batch matches '\(only ?? "")' (see `repcount-sim list`)") }
        for var spec in chosen {
            // Wrapping: a seed is only a starting point, and any offset is a valid one.
            spec.seed &+= seedOffset
            try Generate.write(SimulatedRecording(spec: spec), to: out)
        }
    }
}
