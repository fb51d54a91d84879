/// Consecutive similar values that a typical value rejected (a rep's size, its
/// duration). Once `length` come in a row, they are the person's new typical: odd
/// reps learnt early (a big fidget before the first rep, wrong reps before a break)
/// or a change of pace cannot lock the real reps out. Allocation-free after `init`.
public struct SimilarRun: Sendable, Equatable {
    /// Similar values in a row that take over.
    public static let length = 3
    /// Largest ratio between the values of a run for them to count as similar.
    public static let spread = 1.6

    private var low = 0.0
    private var high = 0.0
    private var count = 0
    private var values: [Double] = Array(repeating: 0, count: SimilarRun.length)

    public init() {}

    /// Notes a rejected (positive) value. Returns the run, oldest first, when it is the
    /// `length`th similar one in a row, and starts afresh.
    public mutating func note(_ value: Double) -> [Double]? {
        if count > 0, max(high, value) > Self.spread * min(low, value) { count = 0 }
        if count == 0 {
            low = value
            high = value
        }
        low = min(low, value)
        high = max(high, value)
        values[count] = value
        count += 1
        guard count == Self.length else { return nil }
        count = 0
        return values
    }

    /// A value was accepted: the run is broken.
    public mutating func reset() {
        count = 0
    }
}
