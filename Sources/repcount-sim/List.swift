import ArgumentParser
import RepCountSimulation

/// Lists the batch catalogue.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the recordings of the fixed batch with their seeds.")

    func run() {
        for s in BatchCatalogue.recordings {
            let p = s.plan
            print("\(s.name)  seed \(s.seed)  \(p.style.rawValue)  \(p.sets)x\(p.reps) hold \(FixedDecimal.format(p.holdTarget, decimals: 0)) s  \(s.device.rawValue) \(FixedDecimal.format(s.sampleRate, decimals: 1)) Hz")
        }
    }
}
