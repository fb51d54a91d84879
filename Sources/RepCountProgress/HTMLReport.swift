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

    /// Colours shared by the charts and the legend.
    enum Colors {
        static let met = "#2e7d32"
        static let short = "#e65100"
        static let target = "#555555"
        static let mean = "#1565c0"
    }

    /// The page for `report`; `sessions` supply the individual holds plotted.
    public func render(_ report: ProgressReport, sessions: [PracticeSession], generatedAt: Double) -> String {
        var body = "<h1>\(HTMLText.escape(title))</h1>\n"
        if let subtitle { body += "<p class=\"sub\">\(HTMLText.escape(subtitle))</p>\n" }
        body += "<p class=\"sub\">\(report.from) to \(report.through) · generated \(calendar.day(of: generatedAt))</p>\n"
        if report.exercises.isEmpty {
            body += "<p>No sessions in this period.</p>\n"
        } else {
            body += summaryTable(report)
        }
        for exercise in report.exercises {
            let inRange = sessions.filter {
                $0.exercise == exercise && calendar.day(of: $0.startedAt) >= report.from
                    && calendar.day(of: $0.startedAt) <= report.through
            }
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
        svg{width:100%;height:auto;margin:.5em 0}svg .grid{stroke:#e4e4e4;stroke-width:1}svg .axis{stroke:#888;stroke-width:1}
        svg .tick{font-size:11px;fill:#555}svg .lbl{font-size:11px;fill:#333}
        .legend span{display:inline-block;margin-right:1.2em;font-size:.85em}.sw{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:.3em}
        @media print{body{margin:0}h2{break-before:auto}section{break-inside:avoid}}
        """

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
            s += "<tr><td>\(Self.name(e))</td><td>\(done) / \(planned)</td><td>\(sessions)</td><td>\(reps)</td>"
            s += "<td>\(reps > 0 ? ValueFormat.percent(Double(met) / Double(reps)) : "-")</td>"
            s += "<td>\(practised.first.map { "\(ValueFormat.seconds($0.meanHoldSeconds)) s (\($0.label))" } ?? "-")</td>"
            s += "<td>\(practised.last.map { "\(ValueFormat.seconds($0.meanHoldSeconds)) s (\($0.label))" } ?? "-")</td></tr>"
        }
        return s + "</tbody></table>\n"
    }

    func section(_ exercise: Exercise, weeks: [PeriodStats], sessions: [PracticeSession], report: ProgressReport) -> String {
        var s = "<section>\n<h2>\(Self.name(exercise))</h2>\n"
        s += "<div class=\"legend\"><span><i class=\"sw\" style=\"background:\(Colors.met)\"></i>hold met target</span>"
        s += "<span><i class=\"sw\" style=\"background:\(Colors.short)\"></i>hold short of target</span>"
        s += "<span><i class=\"sw\" style=\"background:\(Colors.target)\"></i>target (dashed)</span>"
        s += "<span><i class=\"sw\" style=\"background:\(Colors.mean)\"></i>weekly mean</span></div>\n"
        s += holdChart(exercise, weeks: weeks, sessions: sessions, report: report) + "\n"
        s += repsChart(exercise, weeks: weeks) + "\n"
        s += weekTable(weeks)
        return s + "</section>\n"
    }

    /// Every rep's hold as a dot at the time it was done, the target as a
    /// dashed step line, and the weekly mean as a line through the weeks' middles.
    func holdChart(_ exercise: Exercise, weeks: [PeriodStats], sessions: [PracticeSession], report: ProgressReport) -> String {
        let t0 = calendar.start(of: report.from)
        let t1 = calendar.start(of: calendar.adding(1, to: report.through))
        let reps = sessions.flatMap { s in s.reps.map { (s, $0) } }
        let top = reps.map { max($0.1.holdSeconds, $0.1.targetHoldSeconds) }.max() ?? 1
        let plot = SVGPlot(xMin: t0, xMax: t1, yMax: SVGPlot.niceMaximum(top * 1.1))
        var s = plot.open(title: "\(Self.name(exercise)): hold of every rep, seconds, over the weeks")
        s += plot.yAxis(unit: " s")
        for w in weeks { s += plot.xTick(calendar.start(of: w.start) < t0 ? t0 : calendar.start(of: w.start), w.start.description) }
        // Target: a step line from session to session.
        let targets = sessions.sorted { $0.startedAt < $1.startedAt }
        if !targets.isEmpty {
            var path = ""
            var previous: Double?
            for session in targets {
                let target = session.targets.holdSeconds
                let px = plot.x(session.startedAt)
                if let previous, previous != target { path += " L\(f(px)),\(f(plot.y(previous)))" }
                path += (path.isEmpty ? "M" : " L") + "\(f(px)),\(f(plot.y(target)))"
                previous = target
            }
            if let previous { path += " L\(f(plot.x(t1))),\(f(plot.y(previous)))" }
            s += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Colors.target)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        }
        for (_, rep) in reps {
            let color = rep.metTarget ? Colors.met : Colors.short
            s += "<circle cx=\"\(f(plot.x(rep.recordedAt)))\" cy=\"\(f(plot.y(rep.holdSeconds)))\" r=\"2.6\" fill=\"\(color)\" fill-opacity=\"0.55\"/>"
        }
        let means = weeks.compactMap { w -> (Double, Double)? in
            guard let m = w.meanHoldSeconds else { return nil }
            let mid = min(max(calendar.start(of: w.start) + 3.5 * 86_400, t0), t1)
            return (mid, m)
        }
        if !means.isEmpty {
            let points = means.map { "\(f(plot.x($0.0))),\(f(plot.y($0.1)))" }.joined(separator: " ")
            s += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(Colors.mean)\" stroke-width=\"2.5\"/>"
            for (x, y) in means {
                s += "<circle cx=\"\(f(plot.x(x)))\" cy=\"\(f(plot.y(y)))\" r=\"4\" fill=\"\(Colors.mean)\"><title>\(ValueFormat.fixed(y, 1)) s</title></circle>"
            }
        }
        return s + SVGPlot.close
    }

    /// Reps per week as bars, the part that met the target below and the short
    /// part above, with days done of days planned over each bar.
    func repsChart(_ exercise: Exercise, weeks: [PeriodStats]) -> String {
        let n = Double(max(1, weeks.count))
        let top = Double(weeks.map(\.reps).max() ?? 0)
        var plot = SVGPlot(xMin: 0, xMax: n, yMax: SVGPlot.niceMaximum(max(1, top) * 1.15))
        plot.height = 220
        var s = plot.open(title: "\(Self.name(exercise)): reps per week and days done of days planned")
        s += plot.yAxis(unit: "")
        let band = plot.plotWidth / n
        for (i, w) in weeks.enumerated() {
            let x = plot.x(Double(i)) + band * 0.15
            let bw = band * 0.7
            let yMet = plot.y(Double(w.repsOnTarget))
            let yAll = plot.y(Double(w.reps))
            let base = plot.y(0)
            s += "<rect x=\"\(f(x))\" y=\"\(f(yMet))\" width=\"\(f(bw))\" height=\"\(f(base - yMet))\" fill=\"\(Colors.met)\"><title>\(w.repsOnTarget) met target</title></rect>"
            s += "<rect x=\"\(f(x))\" y=\"\(f(yAll))\" width=\"\(f(bw))\" height=\"\(f(yMet - yAll))\" fill=\"\(Colors.short)\"><title>\(w.reps - w.repsOnTarget) short</title></rect>"
            if w.daysPlanned > 0 || w.daysDone > 0 {
                let text = w.daysPlanned > 0 ? "\(w.daysDone)/\(w.daysPlanned) d" : "\(w.daysDone) d"
                s += "<text x=\"\(f(x + bw / 2))\" y=\"\(f(yAll - 5))\" class=\"lbl\" text-anchor=\"middle\">\(text)</text>"
            }
            s += plot.xTick(Double(i) + 0.5, w.label)
        }
        return s + SVGPlot.close
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

    static func name(_ e: Exercise) -> String {
        switch e {
        case .bridge: "Bridge"
        case .birdDog: "Bird dog"
        case .wallSit: "Wall sit"
        }
    }
}
