import RepCountCore

/// The report's plots as one standalone SVG drawing (`repcount report --out
/// FILE.svg`): the title, then for each exercise its legend, the hold of every
/// rep over the weeks against its target and reps per week, the same charts
/// as `page` without its tables.
///
/// Self-contained like the page: styles inline, no script, no external
/// resource; it opens in a browser and drops into a document or a slide.
public struct SVGReport: Sendable {
    /// The page whose plots this draws: its title, subtitle and calendar.
    public var page: HTMLReport

    public init(_ page: HTMLReport) {
        self.page = page
    }

    /// Vertical layout, pixels: a line of title text, a smaller line, the
    /// legend row, and the space left between exercises.
    enum Layout {
        static let margin = 16.0
        static let titleLine = 30.0
        static let textLine = 20.0
        static let legendLine = 22.0
        static let sectionGap = 18.0
        /// Side of a legend entry's colour swatch, px.
        static let legendSwatch = 11.0
        /// Legend entries side by side: a swatch, then its label. 170 px an entry: the
        /// longest label ("hold short of target", about 130 px at 12 px) fits, and the
        /// four entries fit in `SVGPlot.defaultWidth` with the margins.
        static let legendEntryWidth = 170.0
        /// Raise of a text baseline above the bottom of its line, room for descenders.
        static let baselineRaise = 6.0
        /// Swatch below the legend row's top, and the label's gap after the swatch.
        static let legendInset = 4.0
        static let legendLabelGap = 5.0
        /// The label's baseline above the swatch's bottom edge, px: the 12 px text sits
        /// level with the swatch rather than on its edge.
        static let legendLabelRaise = 1.0
    }

    /// Styles for the chart classes `SVGPlot` uses, and the text.
    static let css = """
        text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;fill:#222}.h1{font-size:20px;font-weight:600}\
        .h2{font-size:16px;font-weight:600}.sub{font-size:12px;fill:#666}.legend{font-size:12px;fill:#333}\
        \(ReportCharts.css(scope: ""))
        """

    /// The drawing for `report`; `sessions` supply the individual holds plotted.
    public func render(_ report: ProgressReport, sessions: [PracticeSession], generatedAt: Double) -> String {
        let width = SVGPlot.defaultWidth
        let charts = page.charts
        var y = Layout.margin
        var body = ""
        func line(_ text: String, cssClass: String, height: Double) {
            y += height
            body += "<text x=\"\(f(Layout.margin))\" y=\"\(f(y - Layout.baselineRaise))\" class=\"\(cssClass)\">\(HTMLText.escape(text))</text>\n"
        }
        line(page.title, cssClass: "h1", height: Layout.titleLine)
        if let subtitle = page.subtitle { line(subtitle, cssClass: "sub", height: Layout.textLine) }
        line(page.periodLine(report, generatedAt: generatedAt), cssClass: "sub", height: Layout.textLine)
        if report.exercises.isEmpty { line(HTMLReport.noSessions, cssClass: "legend", height: Layout.textLine) }
        for exercise in report.exercises {
            y += Layout.sectionGap
            line(exercise.displayName, cssClass: "h2", height: Layout.titleLine)
            body += legend(top: y)
            y += Layout.legendLine
            let weeks = report.rows(.week, for: exercise)
            let inRange = charts.sessions(sessions, of: exercise, in: report)
            body += charts.holdChart(exercise, weeks: weeks, sessions: inRange, report: report, placedAt: y) + "\n"
            y += ReportCharts.holdChartHeight
            body += charts.repsChart(exercise, weeks: weeks, placedAt: y) + "\n"
            y += ReportCharts.repsChartHeight
        }
        let height = y + Layout.margin
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="\(HTMLText.escape(page.title))">
            <title>\(HTMLText.escape(page.title))</title>
            <style>\(Self.css)</style>
            <rect width="100%" height="100%" fill="#fff"/>
            \(body)</svg>

            """
    }

    /// The colours' meanings in one row, its top at `top`.
    func legend(top: Double) -> String {
        var s = ""
        for (i, item) in ReportCharts.legend.enumerated() {
            let x = Layout.margin + Double(i) * Layout.legendEntryWidth
            s += "<rect x=\"\(f(x))\" y=\"\(f(top + Layout.legendInset))\" width=\"\(f(Layout.legendSwatch))\" height=\"\(f(Layout.legendSwatch))\" fill=\"\(item.color)\"/>"
            s += "<text x=\"\(f(x + Layout.legendSwatch + Layout.legendLabelGap))\" y=\"\(f(top + Layout.legendInset + Layout.legendSwatch - Layout.legendLabelRaise))\" class=\"legend\">\(HTMLText.escape(item.label))</text>"
        }
        return s + "\n"
    }
}
