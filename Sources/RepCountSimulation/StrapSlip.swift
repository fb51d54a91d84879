import RepCountCore

/// The strap turning on the limb: pulled straight between sets, or slipping as
/// the person sits up or stands. The sensor ends up mounted differently, so the
/// rest pose it reports changes although the body's does not.
public struct StrapSlip: Sendable, Equatable {
    /// When the slip starts and ends, seconds.
    public var start: Double
    public var end: Double
    /// Axis of the turn in the sensor frame (unit vector).
    public var axis: Vector3
    /// Size of the turn, degrees.
    public var degrees: Double

    /// Smallest and largest slip drawn, degrees: under ~8° the rest pose moves less
    /// than between reps anyway; a strap rarely turns more than ~35° without being
    /// noticed and put right.
    public static let sizes = 8.0...35.0

    public init(start: Double, end: Double, axis: Vector3, degrees: Double) {
        self.start = start
        self.end = max(end, start)
        self.axis = axis
        self.degrees = degrees
    }

    /// A slip over `interval` with a random axis and size.
    public init(over interval: ClosedRange<Double>, random: inout SimulationRandom) {
        var axis: Vector3? = nil
        while axis == nil { axis = Vector3(random.normal(), random.normal(), random.normal()).normalized }
        self.init(start: interval.lowerBound, end: interval.upperBound, axis: axis!,
                  degrees: random.uniform(Self.sizes.lowerBound, Self.sizes.upperBound))
    }

    /// How far the slip has gone at `t` (0 before, 1 after; smooth in between).
    public func progress(at t: Double) -> Double {
        if t <= start { return 0 }
        if t >= end { return 1 }
        return MinimumJerk.progress((t - start) / (end - start))
    }
}
