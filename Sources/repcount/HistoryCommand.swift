import ArgumentParser
import Foundation
import RepCountCore
import RepCountProgress
import RepCountStore

/// `repcount history`: what was done, day by day or session by session.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the kept sessions day by day (or one by one with --sessions).",
        discussion: """
            Reads the history database the daemon writes (read-only; safe while the
            daemon runs). By default shows, for each exercise and each of the last 14
            days: whether it was done, sessions, sets, reps, the share of holds that met
            the target, mean and best hold. --sessions lists each session with the hold
            of every rep instead.

            Examples:
              repcount history                        the last two weeks, per day
              repcount history --days 30 --exercise wall-sit
              repcount history --sessions --days 1    today's sessions, every rep
              repcount history --from 2026-11-01 --to 2026-11-30 --csv > november.csv
              repcount history --json | jq '.days[] | select(.reps > 0)'
            """
    )

    @OptionGroup var options: HistoryOptions

    @Option(help: ArgumentHelp("Days to show, counting today.", valueName: "n"))
    var days: Int = 14

    @Flag(help: "List sessions and the hold of each rep instead of daily totals.")
    var sessions = false

    func validate() throws {
        guard (1...HistoryOptions.maximumDays).contains(days) else {
            throw ValidationError("--days must be from 1 to \(HistoryOptions.maximumDays)")
        }
        try options.validateFormats()
    }

    func run() async throws {
        let loaded: HistoryOptions.Loaded = try await CommandFailure.exiting { try await options.load(defaultDays: days, alignToWeeks: false) }
        if sessions {
            switch options.format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(loaded.sessions), as: UTF8.self))
            case .csv:
                FileHandle.standardOutput.write(Data(Self.repsCSV(loaded.sessions, calendar: loaded.calendar).utf8))
            case .text:
                print(Self.sessionList(loaded.sessions, calendar: loaded.calendar))
            }
            return
        }
        let r = loaded.report
        switch options.format {
        case .json: print(try ProgressExport.json(ProgressReport(from: r.from, through: r.through, exercises: r.exercises, days: r.days, weeks: [])))
        case .csv: FileHandle.standardOutput.write(Data(ProgressExport.csv(r.days).utf8))
        case .text: print(ProgressTextRenderer().render(loaded.report, kind: .day))
        }
    }

    /// One block per session: when, what, and every rep's hold with a mark.
    static func sessionList(_ sessions: [PracticeSession], calendar: ProgressCalendar) -> String {
        guard !sessions.isEmpty else { return "No sessions in this period." }
        return sessions.map { s in
            let met = s.reps.filter(\.metTarget).count
            var text = "\(calendar.day(of: s.startedAt)) \(clock(s.startedAt, calendar))  \(s.exercise.rawValue)"
            text += "  \(s.setCount) sets, \(s.reps.count) reps, \(met) held to \(format(s.targets.holdSeconds)) s"
            for set in Set(s.reps.map(\.set)).sorted() {
                let holds = s.reps.filter { $0.set == set }.map { r in
                    (r.side.map { $0 == .left ? "L" : "R" } ?? "") + format(r.holdSeconds) + (r.metTarget ? "" : "!")
                }
                text += "\n  set \(set): " + holds.joined(separator: " ")
            }
            return text
        }.joined(separator: "\n") + "\n(! = hold short of target)"
    }

    /// One CSV row per rep.
    static func repsCSV(_ sessions: [PracticeSession], calendar: ProgressCalendar) -> String {
        var out = "day,started_at,exercise,set,hold_s,target_hold_s,met_target,side\r\n"
        for s in sessions {
            for r in s.reps {
                out += "\(calendar.day(of: s.startedAt)),\(format(s.startedAt, 3)),\(s.exercise.rawValue),\(r.set),"
                out += "\(format(r.holdSeconds, 2)),\(format(r.targetHoldSeconds, 2)),\(r.metTarget),\(r.side?.rawValue ?? "")\r\n"
            }
        }
        return out
    }

    static func format(_ v: Double, _ decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), v)
    }

    static func clock(_ t: Double, _ calendar: ProgressCalendar) -> String {
        let c = calendar.calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: t))
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}
