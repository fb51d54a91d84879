import Foundation
import RepCountCore

/// Pooled scores per exercise and placement, and overall, with the table
/// `repcount eval` prints and the JSON it writes with `--json`.
public struct EvaluationReport: Sendable {
    public struct Group: Sendable {
        /// "bridge/thigh", or "overall".
        public var name: String
        public var recordings: Int
        public var score: RecordingScore
    }

    public var files: [EvaluatedRecording]
    public var groups: [Group]
    public var overall: Group

    public init(_ files: [EvaluatedRecording]) {
        self.files = files
        var pooled: [String: (Int, RecordingScore)] = [:]
        for file in files {
            let key = "\(file.exercise.rawValue)/\(file.placement.rawValue)"
            let (n, score) = pooled[key] ?? (0, RecordingScore())
            pooled[key] = (n + 1, score.merging(file.score))
        }
        groups = pooled.keys.sorted().map { Group(name: $0, recordings: pooled[$0]!.0, score: pooled[$0]!.1) }
        overall = Group(
            name: "overall", recordings: files.count,
            score: files.reduce(RecordingScore()) { $0.merging($1.score) })
    }

    static let header = ["group", "files", "sets", "found", "exact", "cnt MAE", "reps", "counted", "P", "R", "F1", "hold MAE", "hold p90", "side"]

    static func row(_ name: String, _ recordings: Int, _ s: RecordingScore) -> [String] {
        [
            name, "\(recordings)", "\(s.sets)", "\(s.countedSets)", percent(s.exactSetRate), fixed(s.countMAE, 2), "\(s.labelled)", "\(s.counted)",
            fixed(s.precision, 3), fixed(s.recall, 3), fixed(s.f1, 3), fixed(s.holdMAE, 2) + " s", fixed(s.holdP90, 2) + " s",
            s.sideAccuracy.map(percent) ?? "-",
        ]
    }

    /// Column `sets` counts labelled sets and `found` the sets the counter
    /// reported, so a set split in two shows even where each labelled set's
    /// count (`exact`) is right.
    ///
    /// The table: one row per group, then the overall line; with
    /// `perFile`, a row per recording first.
    public func table(perFile: Bool = false) -> String {
        var rows: [[String]] = [Self.header]
        if perFile {
            for file in files { rows.append(Self.row(file.path, 1, file.score)) }
            rows.append([])
        }
        for group in groups { rows.append(Self.row(group.name, group.recordings, group.score)) }
        rows.append([])
        rows.append(Self.row(overall.name, overall.recordings, overall.score))
        let widths = Self.header.indices.map { c in rows.map { $0.count > c ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            if row.isEmpty { return widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") }
            return row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// The report as one JSON object (per file, per group and overall).
    public func json() -> String {
        func object(_ s: RecordingScore) -> [String: Any] {
            [
                "sets": s.sets, "exact_sets": s.exactSets, "exact_set_rate": s.exactSetRate, "count_mae": s.countMAE,
                "labelled_reps": s.labelled, "counted_reps": s.counted, "matched_reps": s.matched,
                "precision": s.precision, "recall": s.recall, "f1": s.f1,
                "hold_mae_s": s.holdMAE, "hold_p90_s": s.holdP90,
                "side_accuracy": s.sideAccuracy.map { $0 as Any } ?? NSNull(),
                "counted_sets": s.countedSets,
            ]
        }
        let root: [String: Any] = [
            "files": files.map { f -> [String: Any] in
                ["path": f.path, "exercise": f.exercise.rawValue, "placement": f.placement.rawValue, "score": object(f.score)]
            },
            "groups": groups.map { ["group": $0.name, "recordings": $0.recordings, "score": object($0.score)] as [String: Any] },
            "overall": ["recordings": overall.recordings, "score": object(overall.score)] as [String: Any],
        ]
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private static func percent(_ x: Double) -> String { fixed(x * 100, 1) + "%" }

    private static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
