/// Formats numbers with a fixed count of decimals without Foundation, so that
/// the text (and so the recording's bytes) depends only on the value.
public enum FixedDecimal {
    /// `value` rounded half away from zero to `decimals` places (0...9), e.g.
    /// `format(-0.04, 4)` is "-0.0400", `format(0.00001, 4)` is "0.0000".
    public static func format(_ value: Double, decimals: Int) -> String {
        var text = ""
        append(value, decimals: decimals, to: &text)
        return text
    }

    /// Appends the formatted value to `text`.
    public static func append(_ value: Double, decimals: Int, to text: inout String) {
        precondition((0...9).contains(decimals), "decimals out of range: \(decimals)")
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        precondition(scaled.isFinite && abs(scaled) < 9e15, "value out of range: \(value)")
        var n = Int64(scaled)
        if n < 0 { text.append("-"); n = -n }
        let divisor = Int64(scale)
        text.append(String(n / divisor))
        if decimals > 0 {
            text.append(".")
            let frac = String(n % divisor)
            for _ in 0..<(decimals - frac.count) { text.append("0") }
            text.append(frac)
        }
    }
}
