import ArgumentParser
import RepCountProtocol

/// `repcount stop`: end the session in progress.
struct Stop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "End the session in progress (what it counted is kept).")

    @OptionGroup var daemon: DaemonOptions

    func run() async throws {
        let r = try await daemon.withConnection { try await $0.call(.stop) }
        print("stopped session \(r["session"]?.int ?? 0)")
    }
}
