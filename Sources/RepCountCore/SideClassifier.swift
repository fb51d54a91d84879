/// Tells left from right in a bird dog with the sensor on the lower back.
///
/// Extending one leg rolls the pelvis one way, the other leg the other way; an
/// accelerometer cannot know which way the strap faces, so the first rep of each
/// set is taken as `firstSide` (the exercise starts with the right leg) and the
/// rest follow by which of two direction clusters their excursion falls in. Reps
/// are clustered, not alternated: people repeat a side or do one side in a block.
public struct SideClassifier: Sendable, Equatable {
    /// Degrees. A rep whose direction is farther than this from the only cluster seen
    /// so far starts the second cluster. Same-side reps agree within ~20 deg (their
    /// size varies, their direction barely); opposite rolls are ~180 deg apart, less
    /// a common forward tilt of the pelvis.
    public static let newClusterDegrees = 60.0

    /// Sums of the unit directions in cluster 0 and cluster 1.
    private var sum0 = Vector3.zero
    private var sum1 = Vector3.zero
    private var count0 = 0
    private var count1 = 0
    /// The side of cluster 0 in the current set (cluster 1 is the opposite).
    private var sideOfFirstCluster: Side = .right
    private var firstRepOfSetPending = true

    public init() {}

    /// Starts a new set: its first rep will be `firstSide`.
    public mutating func startSet() {
        firstRepOfSetPending = true
    }

    /// The side of a rep whose excursion direction (unit, sensor frame) is `direction`.
    public mutating func classify(_ direction: Vector3, firstSide: Side) -> Side {
        let cluster: Int
        if count0 == 0 {
            cluster = 0
        } else if count1 == 0 {
            let far = FastMath.angleDegrees(sum0, direction) > Self.newClusterDegrees
            cluster = far ? 1 : 0
        } else {
            cluster = sum0.normalized!.dot(direction) >= sum1.normalized!.dot(direction) ? 0 : 1
        }
        if cluster == 0 {
            sum0 += direction
            count0 += 1
        } else {
            sum1 += direction
            count1 += 1
        }
        if firstRepOfSetPending {
            firstRepOfSetPending = false
            sideOfFirstCluster = cluster == 0 ? firstSide : firstSide.opposite
        }
        return cluster == 0 ? sideOfFirstCluster : sideOfFirstCluster.opposite
    }
}
