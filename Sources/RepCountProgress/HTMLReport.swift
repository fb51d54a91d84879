import Foundation
import RepCountCore

/// A self-contained HTML page for a physical therapist: for each exercise, every
/// rep's hold over the weeks against its target, reps per week split by whether
/// they met the target, days done of days planned, and the weekly table.
///
/// One file, inline CSS and SVG, no script and no external resource: it can be
/// mailed, opened offline, and printed (the charts scale with the page).
public struct HTMLReport: Sendable {
    public var title: String
    /// Shown under the title, e.g. who the report is about.
    public var subtitle: String?
    public var calendar: ProgressCalendar

    public init(title: String = "RepCount progress report", subtitle: String? = nil, calendar: ProgressCalendar) {
        self.title = title
        self.subtitle = subtitle
        self.calendar = calendar
    }

    /// The page for `report`; `sessions` supply the individual holds plotted.
    public func render(_ report: ProgressReport, sessions: [PracticeSession], generatedAt: Double) -> String {
        var body = "<h1>\(HTMLText.escape(title))</h1>\n"
        if let subtitle { body += "<p class=\"sub\">\(HTMLText.escape(subtitle))</p>\n" }
        body += "<p class=\"sub\">\(periodLine(report, generatedAt: generatedAt))</p>\n"
        if report.exercises.isEmpty {
            body += "<p>\(Self.noSessions)</p>\n"
        } else {
            body += summaryTable(report)
        }
        for exercise in report.exercises {
            let inRange = charts.sessions(sessions, of: exercise, in: report)
            body += section(exercise, weeks: report.rows(.week, for: exercise), sessions: inRange, report: report)
        }
        body += """
            <p class="note">Holds are measured by a thigh- or back-worn accelerometer from the moment the pose is \
            reached until it is left. A rep meets its target when its hold lasts at least the prescribed time. \
            A day is done when at least one rep of the exercise was counted that day.</p>
            """
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222}
        h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}
        .sub{color:#666;margin:.2em 0}.note{color:#666;font-size:.85em;margin-top:2em}
        table{border-collapse:collapse;margin:1em 0;font-size:.9em}th,td{padding:.25em .6em;text-align:right}
        th:first-child,td:first-child{text-align:left}thead th{border-bottom:1px solid #999}tbody tr:nth-child(even){background:#f5f5f5}
        svg{width:100%;height:auto;margin:.5em 0}\(ReportCharts.css(scope: "svg "))
        .legend span{display:inline-block;margin-right:1.2em;font-size:.85em}.sw{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:.3em}
        @media print{body{margin:0}h2{break-before:auto}section{break-inside:avoid}}
        """

    /// The charts drawn on the page, on its calendar.
    var charts: ReportCharts { ReportCharts(calendar: calendar) }

    /// Said when the period has no sessions, on the page and in the drawing.
    static let noSessions = "No sessions in this period."

    /// The line under the title: the period and the day of the report.
    func periodLine(_ report: ProgressReport, generatedAt: Double) -> String {
        "\(report.from) to \(report.through) · generated \(calendar.day(of: generatedAt))"
    }

    func summaryTable(_ report: ProgressReport) -> String {
        var s = "<table class=\"summary\"><thead><tr><th>Exercise</th><th>Days done / planned</th><th>Sessions</th><th>Reps</th><th>Held to target</th><th>Mean hold, first week</th><th>Mean hold, last week</th></tr></thead><tbody>"
        for e in report.exercises {
            let weeks = report.rows(.week, for: e)
            let done = weeks.reduce(0) { $0 + $1.daysDone }
            let planned = weeks.reduce(0) { $0 + $1.daysPlanned }
            let reps = weeks.reduce(0) { $0 + $1.reps }
            let met = weeks.reduce(0) { $0 + $1.repsOnTarget }
            let sessions = weeks.reduce(0) { $0 + $1.sessions }
            let practised = weeks.filter { $0.reps > 0 }
            s += "<tr><td>\(e.displayName)</td><td>\(done) / \(planned)</td><td>\(sessions)</td><td>\(reps)</td>"
            s += "<td>\(reps > 0 ? ValueFormat.percent(Double(met) / Double(reps)) : "-")</td>"
            s += "<td>\(practised.first.map { "\(ValueFormat.seconds($0.meanHoldSeconds)) s (\($0.label))" } ?? "-")</td>"
            s += "<td>\(practised.last.map { "\(ValueFormat.seconds($0.meanHoldSeconds)) s (\($0.label))" } ?? "-")</td></tr>"
        }
        return s + "</tbody></table>\n"
    }

    func section(_ exercise: Exercise, weeks: [PeriodStats], sessions: [PracticeSession], report: ProgressReport) -> String {
        var s = "<section>\n<h2>\(exercise.displayName)</h2>\n"
        s += "<div class=\"legend\">"
        for item in ReportCharts.legend {
            s += "<span><i class=\"sw\" style=\"background:\(item.color)\"></i>\(item.label)</span>"
        }
        s += "</div>\n"
        s += charts.holdChart(exercise, weeks: weeks, sessions: sessions, report: report) + "\n"
        s += charts.repsChart(exercise, weeks: weeks) + "\n"
        s += weekTable(weeks)
        return s + "</section>\n"
    }

    func weekTable(_ weeks: [PeriodStats]) -> String {
        var s = "<table><thead><tr><th>Week</th><th>From</th><th>Days done / planned</th><th>Sessions</th><th>Sets</th><th>Reps</th><th>Held to target</th><th>Mean hold</th><th>Best hold</th><th>Target</th></tr></thead><tbody>"
        for w in weeks {
            s += "<tr><td>\(w.label)</td><td>\(w.start)</td><td>\(w.daysDone) / \(w.daysPlanned)</td><td>\(w.sessions)</td><td>\(w.sets)</td><td>\(w.reps)</td>"
            s += "<td>\(ValueFormat.percent(w.onTargetShare))</td><td>\(w.meanHoldSeconds.map { ValueFormat.fixed($0, 1) + " s" } ?? "-")</td>"
            s += "<td>\(w.bestHoldSeconds.map { ValueFormat.fixed($0, 1) + " s" } ?? "-")</td><td>\(w.targetHoldSeconds.map { ValueFormat.fixed($0, 1) + " s" } ?? "-")</td></tr>"
        }
        return s + "</tbody></table>\n"
    }
}
