/// The median of the last few values recorded: a robust "typical" that follows a
/// person through a session and ignores one or two odd values. Allocation-free after
/// `init`.
public struct RecentMedian: Sendable, Equatable {
    private var values: [Double]
    private var count = 0

    public init(memory: Int) {
        precondition(memory > 0)
        values = Array(repeating: 0, count: memory)
    }

    /// Values remembered (saturates at the memory).
    public var samples: Int { min(count, values.count) }

    /// The largest remembered value, or nil before any.
    public var maximum: Double? {
        let n = samples
        guard n > 0 else { return nil }
        var m = values[0]
        for i in 1..<n { m = max(m, values[i]) }
        return m
    }

    /// Forgets every value (keeps the storage).
    public mutating func clear() {
        count = 0
    }

    public mutating func record(_ value: Double) {
        values[count % values.count] = value
        count += 1
    }

    /// The median of the remembered values (mean of the middle two for an even count),
    /// or nil before any. n is small, so counting ranks is cheap.
    public var median: Double? {
        let n = samples
        guard n > 0 else { return nil }
        var lower = 0.0
        var upper = 0.0
        for i in 0..<n {
            var below = 0
            var equal = 0
            for j in 0..<n {
                if values[j] < values[i] { below += 1 } else if values[j] == values[i] { equal += 1 }
            }
            // values[i] occupies ranks below ..< below + equal.
            if (below..<(below + equal)).contains((n - 1) / 2) { lower = values[i] }
            if (below..<(below + equal)).contains(n / 2) { upper = values[i] }
        }
        return (lower + upper) / 2
    }
}
