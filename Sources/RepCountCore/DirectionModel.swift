/// The direction in which this session's reps move the gravity vector away from
/// rest, learnt from the counted reps.
///
/// A bridge or a wall sit turns the thigh (or pelvis) about one joint axis, so
/// every rep moves gravity the same way in the sensor frame whatever the strap's
/// rotation. An excursion that moves it another way (the knees rolling to the
/// side, turning over) is not the exercise.
///
/// The model corrects itself: if the reps it learnt from were odd ones (a fidget
/// counted before the first real rep), the real reps, which agree with each other,
/// take over after `takeoverReps` of them in a row.
public struct DirectionModel: Sendable, Equatable {
    /// Reps needed before the direction is trusted: one rep could itself be the odd one.
    public static let minimumReps = 2
    /// Consecutive mutually consistent rejections that replace the learnt direction
    /// while it rests on fewer than `establishedReps` reps (it may have come from odd ones).
    public static let takeoverReps = 2
    /// Reps after which the learnt direction is established: replacing it then takes
    /// `establishedTakeoverReps` consistent rejections, more than the two or three knee
    /// rolls of a break between sets.
    public static let establishedReps = 4
    public static let establishedTakeoverReps = 4

    private var sum = Vector3.zero
    public private(set) var reps = 0
    private var rejectedSum = Vector3.zero
    private var rejectedRun = 0

    public init() {}

    /// The typical direction (unit), once `minimumReps` reps are in.
    public var direction: Vector3? { reps >= Self.minimumReps ? sum.normalized : nil }

    /// Whether `direction` (unit) lies within `maximumDegrees` of the typical one (true
    /// while that is not yet known), without learning from it.
    public func agrees(_ direction: Vector3, maximumDegrees: Double) -> Bool {
        guard let typical = self.direction else { return true }
        return FastMath.angleDegrees(typical, direction) <= maximumDegrees
    }

    /// Whether `direction` (unit) lies within `maximumDegrees` of the typical one (true
    /// while that is not yet known). A rejected direction is remembered: when it and the
    /// previous rejections agree, the model switches to them and accepts this one.
    public mutating func accepts(_ direction: Vector3, maximumDegrees: Double) -> Bool {
        if agrees(direction, maximumDegrees: maximumDegrees) { return true }
        if rejectedRun > 0, FastMath.angleDegrees(rejectedSum, direction) > maximumDegrees {
            rejectedSum = .zero
            rejectedRun = 0
        }
        rejectedSum += direction
        rejectedRun += 1
        guard rejectedRun >= (reps >= Self.establishedReps ? Self.establishedTakeoverReps : Self.takeoverReps) else {
            return false
        }
        sum = rejectedSum
        reps = rejectedRun
        rejectedSum = .zero
        rejectedRun = 0
        return true
    }

    /// Adds a counted rep's direction (unit).
    public mutating func record(_ direction: Vector3) {
        sum += direction
        reps += 1
        rejectedSum = .zero
        rejectedRun = 0
    }
}
