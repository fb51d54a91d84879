/// A minimal SVG plot frame: axes, ticks and a mapping from data to pixels.
///
/// Enough for the report's two kinds of chart (holds over time, reps per
/// week); written by hand so the report needs no JavaScript and no library.
struct SVGPlot {
    /// Pixel size of the whole drawing.
    var width = SVGPlot.defaultWidth
    var height = SVGPlot.defaultHeight
    /// Room for the y labels on the left and the dates below.
    var left = 52.0
    var right = 16.0
    var top = 18.0
    var bottom = 36.0
    /// Data ranges.
    var xMin: Double
    var xMax: Double
    var yMin = 0.0
    var yMax: Double

    /// The top edge inside an enclosing SVG drawing, or `nil` for a drawing on its own.
    var placedAt: Double?

    /// A width that fits an A4 page and a laptop screen, and a height that
    /// keeps a chart of holds readable at that width; pixels.
    static let defaultWidth = 760.0
    static let defaultHeight = 260.0

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    func x(_ v: Double) -> Double {
        xMax > xMin ? left + (v - xMin) / (xMax - xMin) * plotWidth : left + plotWidth / 2
    }

    func y(_ v: Double) -> Double {
        yMax > yMin ? top + plotHeight - (v - yMin) / (yMax - yMin) * plotHeight : top + plotHeight
    }

    /// A step between ticks of 1, 2 or 5 times a power of ten giving 4-8 ticks.
    static func niceStep(_ range: Double) -> Double {
        guard range > 0, range.isFinite else { return 1 }
        var step = 1.0
        while range / step > 8 { step *= 10 }
        while range / step < 4 { step /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where range / (step * m) <= 8 { return step * m }
        return step * 10
    }

    /// The upper end of the y axis: the data maximum rounded up to a tick.
    static func niceMaximum(_ value: Double) -> Double {
        let step = niceStep(max(value, 1))
        return max(step, (value / step).rounded(.up) * step)
    }

    /// Horizontal grid lines with their labels, and the axis lines.
    func yAxis(unit: String) -> String {
        var s = ""
        let step = Self.niceStep(yMax - yMin)
        var v = yMin
        while v <= yMax + step / 1000 {
            let py = f(y(v))
            s += "<line x1=\"\(f(left))\" y1=\"\(py)\" x2=\"\(f(left + plotWidth))\" y2=\"\(py)\" class=\"grid\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" class=\"tick\" text-anchor=\"end\">\(label(v))\(unit)</text>"
            v += step
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" class=\"axis\"/>"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" class=\"axis\"/>"
        return s
    }

    /// A label below the x axis at data position `v`.
    func xTick(_ v: Double, _ text: String) -> String {
        let px = f(x(v))
        return "<line x1=\"\(px)\" y1=\"\(f(top + plotHeight))\" x2=\"\(px)\" y2=\"\(f(top + plotHeight + 4))\" class=\"axis\"/>"
            + "<text x=\"\(px)\" y=\"\(f(top + plotHeight + 18))\" class=\"tick\" text-anchor=\"middle\">\(HTMLText.escape(text))</text>"
    }

    func open(title: String) -> String {
        let placement = placedAt.map { " x=\"0\" y=\"\(f($0))\" width=\"\(f(width))\" height=\"\(f(height))\"" } ?? ""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"\(placement) viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
            + "<title>\(HTMLText.escape(title))</title>"
    }

    static let close = "</svg>"

    private func label(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : ValueFormat.fixed(v, 1)
    }
}

/// Pixel coordinates with one decimal: enough for any screen, and short.
func f(_ v: Double) -> String { ValueFormat.fixed(v, 1) }
