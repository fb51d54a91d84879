import ArgumentParser
import RepCountJSON
import RepCountProtocol

/// `repcount status`: what the daemon is doing now.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the session in progress, the sensor, and today's totals.")

    @OptionGroup var daemon: DaemonOptions

    @Flag(help: "Print the daemon's JSON response as is.")
    var json = false

    func run() async throws {
        let (line, response) = try await daemon.withConnection { try await $0.callLine(.status) }
        if json {
            print(line)
            return
        }
        print(StatusText.render(response))
    }
}

/// Plain-text rendering of a `status` response.
enum StatusText {
    static func render(_ r: JSONValue) -> String {
        var lines: [String] = []
        let sensor = r["sensor"]?.string ?? "?"
        var sensorLine = "sensor:  \(sensor) (\(r["source"]?.string ?? "?"))"
        if let message = r["sensor_message"]?.string { sensorLine += ": \(message)" }
        lines.append(sensorLine)
        if let s = r["session"], s != .null {
            let exercise = s["exercise"]?.string ?? "?"
            let set = s["set"]?.int ?? 0
            let targetSets = s["target_sets"]?.int ?? 0
            let inSet = s["reps_in_set"]?.int ?? 0
            let targetReps = s["target_reps"]?.int ?? 0
            lines.append("session: \(exercise), set \(set) of \(targetSets), \(inSet) of \(targetReps) reps (\(s["reps"]?.int ?? 0) in all)")
            var state = "state:   \(r["state"]?.string ?? "?")"
            if r["state"]?.string == "holding" {
                state += " \(format(r["hold_s"]?.number)) s of \(format(s["target_hold_s"]?.number)) s"
            }
            lines.append(state)
        } else {
            lines.append("session: none (start one with `repcount start`)")
        }
        let today = r["today"]?.array ?? []
        if today.isEmpty {
            lines.append("today:   nothing yet")
        } else {
            for (i, day) in today.enumerated() {
                let short = day["short_reps"]?.int ?? 0
                lines.append(
                    (i == 0 ? "today:   " : "         ")
                        + "\(day["exercise"]?.string ?? "?"): \(day["reps"]?.int ?? 0) reps in \(day["sets"]?.int ?? 0) sets"
                        + (short > 0 ? " (\(short) short)" : ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ v: Double?) -> String {
        guard let v else { return "?" }
        let tenths = (v * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))" : "\(tenths)"
    }
}
