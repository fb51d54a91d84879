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

    /// The unit directions of the reps in one cluster.
    private struct Cluster: Sendable, Equatable {
        var sum = Vector3.zero
        var count = 0
    }

    /// Clusters 0 and 1 over the session, and over the set in progress.
    private var session = [Cluster(), Cluster()]
    private var thisSet = [Cluster(), Cluster()]
    /// The side of cluster 0 in the current set (cluster 1 is the opposite).
    private var sideOfFirstCluster: Side = .right
    private var firstRepOfSetPending = true

    public init() {}

    /// Starts a new set: its first rep will be `firstSide`.
    public mutating func startSet() {
        firstRepOfSetPending = true
        for i in thisSet.indices { thisSet[i] = Cluster() }
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
        guard thisSet.allSatisfy({ $0.count >= Self.establishedReps }) else { return true }
        return thisSet.contains { FastMath.angleDegrees($0.sum, direction) <= Self.fitDegrees }
    }

    /// The side of a rep whose excursion direction (unit, sensor frame) is `direction`.
    public mutating func classify(_ direction: Vector3, firstSide: Side) -> Side {
        let cluster: Int
        if session[0].count == 0 {
            cluster = 0
        } else if session[1].count == 0 {
            let far = FastMath.angleDegrees(session[0].sum, direction) > Self.newClusterDegrees
            cluster = far ? 1 : 0
        } else {
            cluster = session[0].sum.normalized!.dot(direction) >= session[1].sum.normalized!.dot(direction) ? 0 : 1
        }
        session[cluster].sum += direction
        session[cluster].count += 1
        thisSet[cluster].sum += direction
        thisSet[cluster].count += 1
        if firstRepOfSetPending {
            firstRepOfSetPending = false
            sideOfFirstCluster = cluster == 0 ? firstSide : firstSide.opposite
        }
        return cluster == 0 ? sideOfFirstCluster : sideOfFirstCluster.opposite
    }
}
