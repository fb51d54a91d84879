/// Number formatting for screens, without Foundation and independent of the
/// locale (the view must read the same on every machine, and tests compare text).
public enum NumberFormat {
    /// `value` rounded to `decimals` places: `fixed(4.25, 1)` is "4.3".
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "-" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let sign = value < 0 && scaled > 0 ? "-" : ""
        let whole = Int(scaled / scale)
        guard decimals > 0 else { return sign + String(whole) }
        let frac = Int(scaled - Double(whole) * scale)
        var f = String(frac)
        while f.count < decimals { f = "0" + f }
        return sign + String(whole) + "." + f
    }

    /// Seconds as `m:ss`, rounded up so a countdown shows 0:00 only when done.
    public static func countdown(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.up)))
        let ss = s % 60
        return "\(s / 60):" + (ss < 10 ? "0" : "") + String(ss)
    }

    /// A hold or target in seconds: whole numbers without decimals ("6"), else one ("5.5").
    public static func seconds(_ value: Double) -> String {
        value == value.rounded() ? fixed(value, 0) : fixed(value, 1)
    }

    /// `text` padded with spaces on the left to `width`.
    public static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// `text` padded with spaces on the right to `width`.
    public static func padRight(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
