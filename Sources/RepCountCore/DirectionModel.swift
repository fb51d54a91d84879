/// The direction in which this session's reps move the gravity vector away from
/// rest, learnt from the counted reps.
///
/// A bridge or a wall sit turns the thigh (or pelvis) about one joint axis, so
/// every rep moves gravity the same way in the sensor frame whatever the strap's
/// rotation. An excursion that moves it another way (the knees rolling to the
/// side, turning over) is not the exercise.
public struct DirectionModel: Sendable, Equatable {
    /// Reps needed before the direction is trusted: one rep could itself be the odd one.
    public static let minimumReps = 2

    private var sum = Vector3.zero
    public private(set) var reps = 0

    public init() {}

    /// The typical direction (unit), once `minimumReps` reps are in.
    public var direction: Vector3? { reps >= Self.minimumReps ? sum.normalized : nil }

    /// Whether `direction` (unit) lies within `maximumDegrees` of the typical one;
    /// true while the typical direction is not yet known.
    public func accepts(_ direction: Vector3, maximumDegrees: Double) -> Bool {
        guard let typical = self.direction else { return true }
        return FastMath.angleDegrees(typical, direction) <= maximumDegrees
    }

    /// Adds a counted rep's direction (unit).
    public mutating func record(_ direction: Vector3) {
        sum += direction
        reps += 1
    }
}
