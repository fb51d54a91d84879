import ArgumentParser
import RepCountCore
import RepCountProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `repcount history`: the sessions of the last days, one line each. The
/// terminal client may replace it with a richer view.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List past sessions.")

    @OptionGroup var daemon: DaemonOptions

    @Option(help: "How many days back, today included.")
    var days = 7

    @Option(help: "Only this exercise.")
    var exercise: Exercise?

    @Flag(help: "Print the daemon's JSON response as is.")
    var json = false

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
    }

    func run() async throws {
        let from = Self.localMidnight(daysAgo: days - 1)
        let (line, r) = try await daemon.withConnection {
            try await $0.callLine(.history(from: from, to: nil, exercise: exercise, limit: nil))
        }
        if json {
            print(line)
            return
        }
        let sessions = r["sessions"]?.array ?? []
        if sessions.isEmpty { print("no sessions in the last \(days) days") }
        for s in sessions {
            let sets = s["sets"]?.array ?? []
            let reps = sets.flatMap { $0["reps"]?.array ?? [] }
            let short = reps.filter { $0["short"]?.bool == true }.count
            let holds = reps.compactMap { $0["hold_s"]?.number }
            let mean = holds.isEmpty ? nil : holds.reduce(0, +) / Double(holds.count)
            var line = "\(Self.format(s["started_at"]?.number ?? 0))  \(s["exercise"]?.string ?? "?")  "
            line += "\(reps.count) reps in \(sets.count) sets"
            if short > 0 { line += " (\(short) short)" }
            if let mean { line += ", mean hold \(StatusText.format(mean)) s" }
            line += "  [\(s["reason"]?.string ?? "running")]"
            print(line)
        }
    }

    /// Unix time of local midnight `n` days before today.
    static func localMidnight(daysAgo n: Int) -> Double {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        parts.tm_mday -= Int32(n)
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        parts.tm_isdst = -1
        return Double(mktime(&parts))
    }

    /// `YYYY-MM-DD HH:MM` in local time.
    static func format(_ unix: Double) -> String {
        var t = time_t(unix)
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M", &parts)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
