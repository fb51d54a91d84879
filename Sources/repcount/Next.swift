import ArgumentParser
import RepCountProtocol

/// `repcount next`: close the current set now.
struct Next: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "End the current set now; the next rep starts the next set (or the next exercise of the plan).")

    @OptionGroup var daemon: DaemonOptions

    func run() async throws {
        let r = try await daemon.withConnection { try await $0.call(.next) }
        if r["session_ended"]?.bool == true {
            print("that was the last set: session ended")
        } else {
            print("now on set \(r["set"]?.int ?? 0)")
        }
    }
}
