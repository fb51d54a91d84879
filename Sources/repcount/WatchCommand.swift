import ArgumentParser
import RepCountProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `repcount watch`: follow the daemon's events. This is the plain version
/// (one line per event, or the raw JSON Lines with `--json`); the terminal
/// client may replace it with a full-screen view.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Follow reps, holds and sets as they happen.")

    @OptionGroup var daemon: DaemonOptions

    @Flag(help: "Print the daemon's events as JSON Lines, unchanged.")
    var json = false

    @Flag(help: "Also stream the tilt from the rest pose (10 Hz).")
    var motion = false

    func run() async throws {
        let json = self.json
        try await daemon.withConnection { connection in
            _ = try await connection.call(.watch(motion: motion))
            while let line = try await connection.nextLine() {
                if json {
                    print(line)
                } else if let text = EventText.render(try JSONValue.parse(line)) {
                    print(text)
                }
                // Flush per event: watch is read live, often through a pipe
                // (fflush(NULL) flushes stdout without naming the global).
                fflush(nil)
            }
        }
    }
}

/// One readable line per event (`nil` for events not worth a line).
enum EventText {
    static func render(_ e: JSONValue) -> String? {
        let f = StatusText.format
        switch e["type"]?.string {
        case "state": return "\(e["state"]?.string ?? "?")"
        case "hold_target_reached": return "hold target reached (\(f(e["hold_s"]?.number)) s)"
        case "rep":
            var text = "rep \(e["rep"]?.int ?? 0) of set \(e["set"]?.int ?? 0): hold \(f(e["hold_s"]?.number)) s"
            if let side = e["side"]?.string { text += ", \(side)" }
            if e["short"]?.bool == true { text += " (short)" }
            return text
        case "set": return "set \(e["set"]?.int ?? 0) done: \(e["reps"]?.int ?? 0) reps"
        case "session":
            if e["phase"]?.string == "started" {
                return "session \(e["session"]?.int ?? 0) started: \(e["exercise"]?.string ?? "?")"
            }
            return "session \(e["session"]?.int ?? 0) ended (\(e["reason"]?.string ?? "?")): \(e["reps"]?.int ?? 0) reps"
        case "sensor":
            return "sensor \(e["state"]?.string ?? "?")" + (e["message"]?.string.map { ": \($0)" } ?? "")
        case "error": return "error \(e["code"]?.string ?? "?"): \(e["message"]?.string ?? "")"
        default: return nil
        }
    }
}
