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

    func run() throws {
        let chosen = BatchCatalogue.recordings.filter { spec in only.map { spec.name.contains($0) } ?? true }
        guard !chosen.isEmpty else { throw ValidationError("no recording of the batch matches '\(only ?? "")' (see `repcount-sim list`)") }
        for spec in chosen { try Generate.write(SimulatedRecording(spec: spec), to: out) }
    }
}
