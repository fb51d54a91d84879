import Foundation

/// Machine-readable exports of the progress rows, for spreadsheets and scripts.
public enum ProgressExport {
    /// The CSV columns, in order. Stable: scripts read them by name.
    public static let csvColumns = [
        "period", "start", "label", "exercise", "sessions", "sets", "reps", "reps_on_target", "on_target_share",
        "mean_hold_s", "best_hold_s", "target_hold_s", "days_done", "days_planned", "adherence",
    ]

    /// RFC 4180 CSV with a header row; empty fields where a value is absent.
    public static func csv(_ rows: [PeriodStats]) -> String {
        var out = csvColumns.joined(separator: ",") + "\r\n"
        func num(_ v: Double?, _ d: Int) -> String { v.map { ValueFormat.fixed($0, d) } ?? "" }
        for r in rows {
            let fields = [
                r.kind.rawValue, r.start.description, r.label, r.exercise.rawValue, "\(r.sessions)", "\(r.sets)",
                "\(r.reps)", "\(r.repsOnTarget)", num(r.onTargetShare, 3), num(r.meanHoldSeconds, 2),
                num(r.bestHoldSeconds, 2), num(r.targetHoldSeconds, 2), "\(r.daysDone)", "\(r.daysPlanned)",
                num(r.adherence, 3),
            ]
            out += fields.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One JSON document: `{"from":…,"through":…,"days":[…],"weeks":[…]}`,
    /// keys sorted so that output is stable across runs.
    public static func json(_ report: ProgressReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
