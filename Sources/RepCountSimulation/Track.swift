/// One scalar channel of the body's motion (an angle in degrees or a position
/// in metres) as keyframes joined by minimum-jerk segments.
///
/// Between two keys with the same value the channel is flat; between two
/// different values it moves smoothly with zero velocity at both keys. Before
/// the first key and after the last the channel holds its end values.
public struct Track: Sendable {
    /// Key times, seconds, non-decreasing.
    public private(set) var times: [Double] = []
    /// Values at the keys.
    public private(set) var values: [Double] = []
    /// Skew of the segment that ends at each key (see `MinimumJerk`).
    private var skews: [Double] = []

    public init(initial value: Double) {
        times = [0]
        values = [value]
        skews = [0]
    }

    /// The value at the last key.
    public var last: Double { values[values.count - 1] }

    /// Adds a key; the segment from the previous key to this one uses `skew`.
    /// A key earlier than the last one is moved to the last time, so the
    /// channel can never run backwards in time.
    public mutating func add(time: Double, value: Double, skew: Double = 0) {
        let t = Swift.max(time, times[times.count - 1])
        times.append(t)
        values.append(value)
        skews.append(skew)
    }

    /// The channel's value at time `t`.
    public func value(at t: Double) -> Double {
        let n = times.count
        if t <= times[0] { return values[0] }
        if t >= times[n - 1] { return values[n - 1] }
        // Binary search for the segment [k-1, k] containing t.
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid } else { hi = mid }
        }
        let t0 = times[lo], t1 = times[hi]
        let v0 = values[lo], v1 = values[hi]
        if t1 <= t0 { return v1 }  // a jump: two keys at one time
        if v0 == v1 { return v0 }  // a flat stretch
        return v0 + (v1 - v0) * MinimumJerk.progress((t - t0) / (t1 - t0), skew: skews[hi])
    }
}
