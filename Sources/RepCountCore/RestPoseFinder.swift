/// Finds the first rest pose of a session: the orientation the user is still in
/// for the longest time, among the few poses they are still in.
///
/// The first still stretch is not always rest: a recording may start in the
/// middle of a hold, and quick movers pause at rest for barely a second. So the
/// finder keeps up to `capacity` candidate poses with the still time spent in each,
/// and decides once one of them has `settleSeconds` and clearly leads the others.
/// Until then the pipeline buffers its input (`SettlingBuffer`) and replays it from
/// the new rest pose, so the reps made while it was deciding still count.
public struct RestPoseFinder: Sendable, Equatable {
    /// Candidate poses kept. Rest and one held pose, plus room for a fidget or two.
    public static let capacity = 4
    /// Seconds a still stretch must last before it counts toward a pose: a ramp
    /// passing through a band is not a pose.
    public static let minimumRunSeconds = 0.5
    /// The winner must have at least this many times the still time of the runner-up,
    /// so that a first hold as long as the first rest does not win by a tick.
    public static let leadRatio = 1.5

    private var sums: [Vector3]
    private var seconds: [Double]
    /// Seconds of still time the leading pose needs.
    public let settleSeconds: Double
    /// Angle within which two stretches are the same pose, degrees.
    public let mergeDegrees: Double

    public init(settleSeconds: Double, mergeDegrees: Double) {
        self.settleSeconds = settleSeconds
        self.mergeDegrees = mergeDegrees
        sums = Array(repeating: .zero, count: Self.capacity)
        seconds = Array(repeating: 0, count: Self.capacity)
    }

    /// Forgets every candidate.
    public mutating func reset() {
        for i in 0..<Self.capacity {
            sums[i] = .zero
            seconds[i] = 0
        }
    }

    /// Observes one tick of `dt` seconds during which the orientation has been still for
    /// `stillSeconds` around `mean`; returns the rest pose once decided.
    public mutating func observe(mean: Vector3?, stillSeconds: Double, dt: Double) -> Vector3? {
        guard let mean, stillSeconds >= Self.minimumRunSeconds else { return nil }
        // The first tick of a qualifying run brings the run's whole duration so far.
        let credit = stillSeconds - dt < Self.minimumRunSeconds ? stillSeconds : dt
        var slot = -1
        var best = 180.0
        for i in 0..<Self.capacity where seconds[i] > 0 {
            let a = FastMath.angleDegrees(sums[i], mean)
            if a < best {
                best = a
                slot = i
            }
        }
        if slot < 0 || best > mergeDegrees {
            // A new pose, in an empty slot or in place of the least-held one.
            slot = 0
            for i in 1..<Self.capacity where seconds[i] < seconds[slot] { slot = i }
            sums[slot] = .zero
            seconds[slot] = 0
        }
        sums[slot] += mean * credit
        seconds[slot] += credit
        var first = 0
        for i in 1..<Self.capacity where seconds[i] > seconds[first] { first = i }
        var second = 0.0
        for i in 0..<Self.capacity where i != first { second = max(second, seconds[i]) }
        guard seconds[first] >= settleSeconds, seconds[first] >= Self.leadRatio * second else { return nil }
        return sums[first].normalized
    }
}
