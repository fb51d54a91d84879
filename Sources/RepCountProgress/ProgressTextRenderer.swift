import RepCountCore

/// The progress report as text for a terminal: per exercise, a table of days
/// or weeks with a bar of reps, then sparklines of the trends.
public struct ProgressTextRenderer: Sendable {
    /// Columns for the reps bar; the table around it takes about 75.
    public var barWidth: Int

    public init(barWidth: Int = 16) {
        self.barWidth = barWidth
    }

    /// One block per exercise with a row per `kind` period.
    public func render(_ report: ProgressReport, kind: PeriodStats.Kind) -> String {
        guard !report.exercises.isEmpty else {
            return "No sessions from \(report.from) to \(report.through)."
        }
        return report.exercises.map { block(report.rows(kind, for: $0), exercise: $0, kind: kind, report: report) }
            .joined(separator: "\n\n")
    }

    func block(_ rows: [PeriodStats], exercise: Exercise, kind: PeriodStats.Kind, report: ProgressReport) -> String {
        let title = exercise.displayName.uppercased()
        let done = rows.reduce(0) { $0 + $1.daysDone }
        let planned = rows.reduce(0) { $0 + $1.daysPlanned }
        let reps = rows.reduce(0) { $0 + $1.reps }
        let onTarget = rows.reduce(0) { $0 + $1.repsOnTarget }
        var header = "\(title) · \(report.from) to \(report.through)"
        header += " · \(reps) reps"
        if reps > 0 { header += ", \(ValueFormat.percent(Double(onTarget) / Double(reps))) held to target" }
        if planned > 0 { header += " · \(done) of \(planned) planned days" }

        var table = TextTable(
            headers: [kind == .week ? "week" : "day", kind == .week ? "days" : "done", "sessions", "sets", "reps", "on target", "mean hold", "best", "target", "reps"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right, .left])
        let maxReps = Double(rows.map(\.reps).max() ?? 0)
        for r in rows {
            let days: String
            if kind == .day {
                // A day is done or missed; unplanned days without practice show nothing.
                days = r.daysDone > 0 ? "✓" : (r.daysPlanned > 0 ? "missed" : "")
            } else {
                days = r.daysPlanned > 0 ? "\(r.daysDone)/\(r.daysPlanned)" : "\(r.daysDone)"
            }
            table.append([
                r.label, days, "\(r.sessions)", "\(r.sets)", "\(r.reps)", ValueFormat.percent(r.onTargetShare),
                r.meanHoldSeconds.map { ValueFormat.fixed($0, 1) + " s" } ?? "-", ValueFormat.seconds(r.bestHoldSeconds),
                r.targetHoldSeconds.map { ValueFormat.fixed($0, 1) + " s" } ?? "-",
                Sparkline.bar(Double(r.reps), maximum: maxReps, width: barWidth),
            ])
        }
        let trends = [
            // Holds on their own range: a 4.5 s to 6 s rise is the story, and
            // from zero it would look flat.
            "mean hold " + Sparkline.line(rows.map(\.meanHoldSeconds)),
            "on target " + Sparkline.line(rows.map(\.onTargetShare), minimum: 0, maximum: 1),
            "adherence " + Sparkline.line(rows.map(\.adherence), minimum: 0, maximum: 1),
        ]
        return header + "\n" + table.render() + "\ntrend  " + trends.joined(separator: "   ")
    }
}
