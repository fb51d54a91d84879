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
    /// The same sums and counts for the reps of the set in progress.
    private var setSum0 = Vector3.zero
    private var setSum1 = Vector3.zero
    private var setCount0 = 0
    private var setCount1 = 0

    public init() {}

    /// Starts a new set: its first rep will be `firstSide`.
    public mutating func startSet() {
        firstRepOfSetPending = true
        setSum0 = .zero
        setSum1 = .zero
        setCount0 = 0
        setCount1 = 0
    }

    /// Reps on each side before the two directions are trusted to tell a rep from
    /// another movement (`fits`).
    public static let establishedReps = 2

    /// Degrees from either side's direction beyond which an excursion is not a rep
    /// (`fits`). The direction of a roll of a few degrees is noisy (quantisation, sway),
    /// so wider than the single-direction bound (50); rocking back on all fours lies
    /// 120-140 degrees from both sides.
    public static let fitDegrees = 70.0

    /// Whether `direction` (unit) lies within `fitDegrees` of either side's
    /// direction (true until both sides have `establishedReps` reps): a bird dog rolls
    /// the pelvis one of two ways, and rocking back on all fours rolls it a third.
    /// Only this set's reps count: the strap may have turned during the break.
    public func fits(_ direction: Vector3) -> Bool {
        guard setCount0 >= Self.establishedReps, setCount1 >= Self.establishedReps else { return true }
        return FastMath.angleDegrees(setSum0, direction) <= Self.fitDegrees
            || FastMath.angleDegrees(setSum1, direction) <= Self.fitDegrees
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
            setSum0 += direction
            setCount0 += 1
        } else {
            sum1 += direction
            count1 += 1
            setSum1 += direction
            setCount1 += 1
        }
        if firstRepOfSetPending {
            firstRepOfSetPending = false
            sideOfFirstCluster = cluster == 0 ? firstSide : firstSide.opposite
        }
        return cluster == 0 ? sideOfFirstCluster : sideOfFirstCluster.opposite
    }
}
