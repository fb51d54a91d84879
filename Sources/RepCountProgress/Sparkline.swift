/// Small charts made of text: sparklines and horizontal bars.
public enum Sparkline {
    /// The eight heights of a sparkline, lowest first.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Shown where there is no value (a week without reps), so gaps stay visible.
    public static let gap: Character = "·"

    /// One character per value, scaled between `minimum` and `maximum` (by
    /// default the values' own range; pass 0 as minimum for counts so that a
    /// small week does not look empty).
    public static func line(_ values: [Double?], minimum: Double? = nil, maximum: Double? = nil) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let lo = minimum ?? present.min(), let hi = maximum ?? present.max() else {
            return String(repeating: gap, count: values.count)
        }
        return String(
            values.map { v -> Character in
                guard let v, v.isFinite else { return gap }
                guard hi > lo else { return levels[levels.count / 2] }
                let f = min(1, max(0, (v - lo) / (hi - lo)))
                return levels[Int((f * Double(levels.count - 1)).rounded())]
            })
    }

    /// A bar of `width` cells filled to `value / maximum`, with eighth blocks
    /// at the tip.
    public static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let f = maximum > 0 && value.isFinite ? min(1, max(0, value / maximum)) : 0
        let eighths = Int((f * Double(width) * 8).rounded())
        let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var s = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { s.append(partial[eighths % 8 - 1]) }
        return s + String(repeating: " ", count: width - s.count)
    }
}
