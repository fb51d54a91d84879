import RepCountCore

/// The report's two charts per exercise, as SVG: every rep's hold over the
/// weeks against its target, and reps per week split by whether they met it.
/// Drawn once for the HTML page (`HTMLReport`) and the standalone drawing
/// (`SVGReport`).
struct ReportCharts {
    var calendar: ProgressCalendar

    /// Colours shared by the charts and the legend.
    enum Colors {
        static let met = "#2e7d32"
        static let short = "#e65100"
        static let target = "#555555"
        static let mean = "#1565c0"
    }

    /// What the colours mean, in the order the legend shows them.
    static let legend: [(color: String, label: String)] = [
        (Colors.met, "hold met target"), (Colors.short, "hold short of target"), (Colors.target, "target (dashed)"),
        (Colors.mean, "weekly mean"),
    ]

    /// Heights of the two charts, pixels: the hold chart keeps `SVGPlot`'s default; a
    /// bar per week needs less height than a cloud of holds to be read.
    static let holdChartHeight = SVGPlot.defaultHeight
    static let repsChartHeight = 220.0

    /// Styles of the classes `SVGPlot` and the charts draw with, each selector prefixed
    /// with `scope` (the page scopes them to its SVGs; the drawing needs no scope).
    static func css(scope: String) -> String {
        "\(scope).grid{stroke:#e4e4e4;stroke-width:1}\(scope).axis{stroke:#888;stroke-width:1}"
            + "\(scope).tick{font-size:11px;fill:#555}\(scope).lbl{font-size:11px;fill:#333}"
    }

    /// The sessions of `exercise` that `report`'s period covers: what the charts plot.
    func sessions(_ sessions: [PracticeSession], of exercise: Exercise, in report: ProgressReport) -> [PracticeSession] {
        sessions.filter {
            guard $0.exercise == exercise else { return false }
            let day = calendar.day(of: $0.startedAt)
            return day >= report.from && day <= report.through
        }
    }

    /// Every rep's hold as a dot at the time it was done, the target as a
    /// dashed step line, and the weekly mean as a line through the weeks' middles.
    /// `placedAt`: where the chart's top goes inside an enclosing SVG (`SVGReport`);
    /// `nil` for a chart on its own (the HTML page).
    func holdChart(
        _ exercise: Exercise, weeks: [PeriodStats], sessions: [PracticeSession], report: ProgressReport,
        placedAt: Double? = nil
    ) -> String {
        let t0 = calendar.start(of: report.from)
        let t1 = calendar.start(of: calendar.adding(1, to: report.through))
        let reps = sessions.flatMap(\.reps)
        let highest = reps.map { max($0.holdSeconds, $0.targetHoldSeconds) }.max() ?? 1
        var plot = SVGPlot(xMin: t0, xMax: t1, yMax: SVGPlot.niceMaximum(highest * 1.1))
        plot.height = Self.holdChartHeight
        plot.placedAt = placedAt
        var s = plot.open(title: "\(exercise.displayName): hold of every rep, seconds, over the weeks")
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
        for rep in reps {
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
    /// `placedAt` as for `holdChart`.
    func repsChart(_ exercise: Exercise, weeks: [PeriodStats], placedAt: Double? = nil) -> String {
        let n = Double(max(1, weeks.count))
        let highest = Double(weeks.map(\.reps).max() ?? 0)
        var plot = SVGPlot(xMin: 0, xMax: n, yMax: SVGPlot.niceMaximum(max(1, highest) * 1.15))
        plot.height = Self.repsChartHeight
        plot.placedAt = placedAt
        var s = plot.open(title: "\(exercise.displayName): reps per week and days done of days planned")
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
}
