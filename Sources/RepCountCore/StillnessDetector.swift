/// Finds stretches where the orientation stays within a small band: the user is
/// still (at rest, or holding a pose).
///
/// A run starts at some tick and continues while every direction stays within
/// `bandDegrees` of the run's running mean; the first direction outside restarts the
/// run there. A band rather than a rate threshold, because a slow mover's 4-5 s
/// ramp of a few degrees has a rate as low as breathing, yet leaves any band of
/// a degree or two within a second.
public struct StillnessDetector: Sendable, Equatable {
    /// Half-width of the band, degrees.
    public let bandDegrees: Double
    private let bandCosine: Double
    /// Start of the current run, seconds.
    public private(set) var runStart = 0.0
    /// Time of the latest direction, seconds.
    public private(set) var time = 0.0
    private var sum = Vector3.zero
    private var count = 0

    public init(bandDegrees: Double) {
        self.bandDegrees = bandDegrees
        // cos(band) without the C library: the angle is small, so the series to x^6 is exact to 1e-12.
        let x = bandDegrees / FastMath.degreesPerRadian
        let x2 = x * x
        bandCosine = 1 - x2 / 2 * (1 - x2 / 12 * (1 - x2 / 30))
    }

    /// Seconds the current run has lasted.
    public var stillSeconds: Double { count == 0 ? 0 : time - runStart }

    /// The mean direction of the current run (unit vector), or `nil` before any input.
    public var mean: Vector3? { sum.normalized }

    /// Feeds one unit direction at `time`.
    public mutating func update(direction u: Vector3, time t: Double) {
        time = t
        if count > 0, let m = sum.normalized, m.dot(u) >= bandCosine {
            sum += u
            count += 1
            return
        }
        restart(at: u, time: t)
    }

    /// Starts a new run at `u`: after a gap, or when the caller knows the pose changed.
    public mutating func restart(at u: Vector3, time t: Double) {
        sum = u
        count = 1
        runStart = t
        time = t
    }
}
