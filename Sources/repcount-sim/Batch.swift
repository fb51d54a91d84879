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
        for spec in BatchCatalogue.recordings where only.map({ spec.name.contains($0) }) ?? true {
            let recording = SimulatedRecording(spec: spec)
            try Generate.write(recording, to: out)
        }
    }
}
