/// The last few distinct poses the user was still in, newest last: where they came from
/// before lying down, kneeling or backing against the wall (`RestPoseFinder.approach`).
public struct RecentPoses: Sendable, Equatable {
    /// Poses kept: standing, sitting, the exercise position and one more.
    public static let capacity = 4
    /// Seconds still before a pose counts: a ramp passing through is not a pose.
    public static let stillSeconds = 1.0
    /// cos(10 deg): a still pose within 10 degrees of the newest is the newest again
    /// (sway, a shifted rest), and replaces it.
    static let sameCosine = 0.984807753012208

    private var poses: [Vector3] = []

    public init() { poses.reserveCapacity(Self.capacity) }

    /// Notes that the user is still in `pose` (unit vector).
    public mutating func note(_ pose: Vector3) {
        if let newest = poses.last, newest.dot(pose) >= Self.sameCosine {
            poses[poses.count - 1] = pose
            return
        }
        if poses.count == Self.capacity { poses.removeFirst() }
        poses.append(pose)
    }

    /// The newest pose at least `degrees` away from `pose`.
    public func newest(farFrom pose: Vector3, by degrees: Double) -> Vector3? {
        poses.last { FastMath.angleDegrees($0, pose) >= degrees }
    }
}
