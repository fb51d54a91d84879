/// Finds the rest pose of a session: of the few orientations the user is still
/// in, the one they are still in for the longest time.
///
/// The first still stretch is not always rest: a recording may start in the
/// middle of a hold, the user may settle, shift, and settle again before the
/// first rep, and many people hold longer than they rest. So the finder keeps up
/// to `capacity` candidate poses with the still time spent in each and the number
/// of separate visits, and decides once the leader has `settleSeconds`, leads the
/// runner-up clearly (`leadRatio`), and either has been still in one stretch for
/// longer than a hold (`confidentSeconds`: a user waiting before the first rep; not
/// where reps go two ways) or the two leading poses have each been visited `visits`
/// times (reps going back and forth, whose quiet time then tells rest from hold, as
/// for a human labeller).
///
/// When the input began still in a pose that is neither of the two leaders (the user
/// moving into position), the first pose left for another and come back to is rest:
/// reps begin at rest, so rest is returned to before any hold is (`returned`; not where
/// reps go two ways).
///
/// Most sessions begin at rest, so a still stretch at the start of the input of a few
/// seconds (`originPose`) is a prior: it breaks a tie between two poses visited alike
/// (holds as long as rests), its still time counts with the leading pose it is nearer
/// to (a quick mover's rest wanders a few degrees from rep to rep), and when that side
/// wins the buffered input is replayed from it. It never decides alone, since a
/// recording may start in the last seconds of a hold.
///
/// Where the held pose trembles (`holdsTremble`: a wall sit, a loaded squat held against
/// the wall), the two leading poses are told apart by how much they shake while still:
/// one that shakes `trembleRatio` times more than the other is the hold, however long it
/// was held and whether or not the input began in it (a recording cut into a wall sit
/// whose holds outlast the target by more than `overholdSeconds`). Still time, visits and
/// the origin decide only where the shaking does not.
///
/// Two situations decide at once (or, the second, once the user shows it), because
/// people wait at rest before the first rep:
/// - a still stretch that starts with the input (`originSeconds`) and lasts
///   `confidentSeconds`, longer than a hold (the user waiting when the recording starts;
///   a recording cut into a hold has less of it left: a shorter first stretch may be the
///   end of a hold, and waits for the still-time rules);
/// - after a posture change (lying down, kneeling on all fours, backing against the
///   wall), the first still stretch of `resettleSeconds` (but not a stillness that began
///   well before the change was found, nor the same pose again after a wobble in it:
///   that is a wait, `waitPose`). Before any rep, that first pause (`arrival`) is rest
///   once the user shows it: where reps go one way, the first pose the user leaves by a
///   rep's tilt and comes back to, still, decides (`returnVisit`): the arrival itself,
///   or another pose (sitting on the mat before lying back is paused in too, and from a
///   thigh it differs from lying by as much as a bridge does).
///
/// After a posture change between sets, a still pose back at the rest pose of the reps
/// counted before (`reference`, within `referenceDegrees`) is the rest pose again: the
/// strap has not moved, the exercise position is the same. Until a decision the
/// pipeline buffers its input (`SettlingBuffer`) and replays it from the new rest
/// pose, so the reps made while it was deciding still count.
public struct RestPoseFinder: Sendable, Equatable {
    /// Candidate poses kept. Rest and one held pose, plus room for a fidget or two.
    public static let capacity = 4
    /// Seconds a still stretch must last before it counts toward a pose: a ramp
    /// passing through a band is not a pose.
    public static let minimumRunSeconds = 0.5
    /// The winner must have at least this many times the still time of the runner-up.
    public static let leadRatio = 1.5
    /// Seconds people commonly hold past the target: a still stretch longer than the
    /// target by more than this is not a hold (`confidentSeconds`).
    public static let overholdSeconds = 3.0
    /// Seconds, floor of `confidentSeconds`.
    public static let minimumConfidentSeconds = 7.0
    /// Visits to each of the two leading poses that decide by their still time.
    public static let visits = 3
    /// Where reps go two ways from rest (bird dog on the lower back: left and right),
    /// rest is the pose visited between every rep, so it is visited about twice as
    /// often as either held pose; with this many visits and `visitRatio` times the
    /// visits of any other pose it is rest, whatever the still times.
    public static let twoWayVisits = 4
    public static let visitRatio = 1.5
    /// Seconds after the origin (start of input, end of a posture change) within which
    /// a still stretch counts as the user already waiting there.
    public static let originSeconds = 1.0
    /// Seconds before a posture change was found within which a still stretch may have
    /// begun and still be the arrival in the new posture: the change is found once the
    /// user has been still there `ExerciseProfile.relearnSeconds`.
    public static let arrivalSeconds = 2.5
    /// Seconds a still stretch at the origin must last to break a tie (`originPose`).
    public static let originPriorSeconds = 2.0
    /// Fraction of the angle between the two leading poses within which the origin pose
    /// is the nearer one wandering.
    public static let originReach = 0.5

    /// One candidate pose: the still time spent in it, its visits and longest stretch.
    private struct Pose: Sendable, Equatable {
        /// Sum of the still directions, weighted by their seconds (its direction is the pose).
        var sum = Vector3.zero
        var seconds = 0.0
        /// Sum of the activity while still (`GravityEstimator.Reading.activity`), weighted
        /// by its seconds as `sum` is.
        var shake = 0.0
        var runs = 0
        var longestRun = 0.0
        /// Start of its first still run, seconds.
        var firstVisit = Double.infinity
    }

    /// `capacity` slots; a slot with no seconds is free.
    private var poses: [Pose]
    /// The pose of a still stretch that started with the input, if any: where most
    /// sessions begin. It breaks a tie between two poses visited alike.
    private var originPose: Vector3?
    /// Seconds of that stretch.
    private var originSeconds = 0.0
    /// Slot of the last still run, or -1.
    private var lastSlot = -1
    /// Slot of the first pose first visited after the origin and then visited again, or -1.
    private var returned = -1
    /// Where the user was still since before the posture change was found (a wait), until
    /// they are still somewhere else: a wobble that breaks that stillness does not make
    /// the same pose a new arrival.
    private var waitPose: Vector3?
    /// The first pause after a posture change, until the user's moves confirm it as rest
    /// or show another pose is: the pipeline may take it on trust meanwhile.
    public private(set) var arrival: Vector3?
    /// The still runs since the arrival, newest last, each with how far the orientation
    /// has been from it since (`returnVisit`).
    private var visits: [Visit] = []
    private struct Visit: Sendable, Equatable {
        /// Unit direction.
        var mean: Vector3
        /// The least cosine of the angle to `mean` since: a dot product per tick, not an
        /// angle.
        var leastCosine = 1.0
        /// Seconds the run was still.
        var seconds = 0.0
        /// The farthest the orientation has been from `mean` since, degrees.
        var farthest: Double {
            let c = min(1, max(-1, leastCosine))
            return FastMath.atan2((1 - c * c).squareRoot(), c) * FastMath.degreesPerRadian
        }
    }
    /// Still runs remembered after an arrival: rest, a hold or two, a fidget.
    static let visitMemory = 8
    /// Fraction of how far the user went within which a still run is back in a pose:
    /// rest wanders by a few degrees from rep to rep, a hold sits a rep's tilt away.
    public static let returnFraction = 0.2
    /// Seconds of a still run that make it a pose the user may come back to: shorter
    /// stops are on the way (settling into rest, the slow start of a rise).
    public static let poseSeconds = 1.5
    /// Times as long as the nearest pose another within reach of the return must have
    /// been held to be the one returned to: people wait at rest, and come back a few
    /// degrees off it, nearer a brief pause on the way into position.
    public static let heldRatio = 2.0
    /// Fraction of how far the user went within which the pose returned to is the
    /// arrival wandered (rest moves by a few degrees from rep to rep; a pause before
    /// settling into rest sits about a rep's tilt away).
    public static let wanderFraction = 0.3
    /// Degrees the user must leave a pose by for coming back to it to be a return: the
    /// smallest rep (and twice `mergeDegrees`: not a wobble).
    public let departureDegrees: Double
    /// Seconds of one still stretch that decide without waiting for reps: longer than
    /// the hold the user aims for (`init(targetHoldSeconds:)`), so it is a wait at rest.
    public let confidentSeconds: Double
    /// Seconds of still time the leading pose needs.
    public let settleSeconds: Double
    /// Seconds of one still stretch that decide right after a posture change (0: not
    /// after a posture change).
    public private(set) var resettleSeconds = 0.0
    /// Time the search started (start of input, or the posture change), seconds.
    public private(set) var origin = -Double.infinity
    /// The rest pose of the reps counted before a posture change, if any.
    public private(set) var reference: Vector3?
    /// Degrees within which a still pose matches `reference`.
    public private(set) var referenceDegrees = 0.0
    /// Seconds still at the reference pose that decide.
    public static let referenceSeconds = 1.0

    /// Whether a pose held still for `stillSeconds` around `mean` is back at `reference`
    /// (the rest pose of the earlier sets), within `degrees`.
    public static func isBack(at mean: Vector3, to reference: Vector3, within degrees: Double, stillSeconds: Double) -> Bool {
        stillSeconds >= referenceSeconds && FastMath.angleDegrees(reference, mean) <= degrees
    }
    /// Angle within which two stretches are the same pose, degrees.
    public let mergeDegrees: Double

    /// Whether reps go two ways from rest (`twoWayVisits`).
    public let twoWay: Bool

    /// Whether the held pose shakes more than rest, so that shaking tells them apart.
    public let holdsTremble: Bool
    /// Which way reps turn relative to `approach`, where the body fixes it.
    public let approachTurn: ApproachTurn?
    /// A pose the user was still in before the arrival, beyond any rep from it (standing,
    /// sitting up), set by the caller, which sees every tick (`RecentPoses`). Where
    /// `approachTurn` is known, the first excursion from the arrival tells whether the
    /// arrival is rest or the held side: sitting on the mat before lying back holds the
    /// thigh at about a bridge's angle, and comes back to it like a return.
    public var approach: Vector3?
    /// Fraction of the first excursion's size by which it must turn against `approachTurn`
    /// to show the arrival is the held side (0.3-0.8 measured alike).
    public static let approachMargin = 0.5
    /// Ratio of two poses' mean activity while still above which the shakier is the hold.
    /// Wall sits measure 1.1-7 times (median hold over median rest per recording, both
    /// generators); a sensor's noise floor pulls the ratio toward 1, so only a clear
    /// difference is taken for tremor.
    public static let trembleRatio = 3.0

    public init(
        settleSeconds: Double, mergeDegrees: Double, targetHoldSeconds: Double = 5, twoWay: Bool = false,
        departureDegrees: Double = 0, holdsTremble: Bool = false, approachTurn: ApproachTurn? = nil
    ) {
        self.holdsTremble = holdsTremble
        self.approachTurn = approachTurn
        self.departureDegrees = max(2 * mergeDegrees, departureDegrees)
        visits.reserveCapacity(Self.visitMemory)
        self.twoWay = twoWay
        self.settleSeconds = settleSeconds
        confidentSeconds = max(Self.minimumConfidentSeconds, targetHoldSeconds + Self.overholdSeconds)
        self.mergeDegrees = mergeDegrees
        poses = Array(repeating: Pose(), count: Self.capacity)
    }

    /// Forgets every candidate and starts a search at `origin`; `resettleSeconds` > 0
    /// after a posture change.
    public mutating func reset(origin: Double, resettleSeconds: Double, reference: Vector3? = nil, referenceDegrees: Double = 0) {
        self.origin = origin
        approach = nil
        self.resettleSeconds = resettleSeconds
        self.reference = reference
        self.referenceDegrees = referenceDegrees
        originPose = nil
        arrival = nil
        visits.removeAll(keepingCapacity: true)
        originSeconds = 0
        waitPose = nil
        lastSlot = -1
        returned = -1
        for i in poses.indices { poses[i] = Pose() }
    }

    /// Observes one tick of `dt` seconds in orientation `direction`, which has been still
    /// since `runStart` (for `stillSeconds`) around `mean`, with `activity` (the RMS of the
    /// fast part of the specific force); returns the rest pose once decided.
    public mutating func observe(
        direction: Vector3, mean: Vector3?, stillSeconds: Double, runStart: Double, dt: Double, activity: Double = 0
    ) -> Vector3? {
        if arrival != nil {
            for i in visits.indices { visits[i].leastCosine = min(visits[i].leastCosine, direction.dot(visits[i].mean)) }
        }
        guard let mean, stillSeconds >= Self.minimumRunSeconds else { return nil }
        // The first tick of a qualifying run brings the run's whole duration so far.
        let newRun = stillSeconds - dt < Self.minimumRunSeconds
        if let back = returnVisit(mean: mean, newRun: newRun, stillSeconds: stillSeconds) { return back }
        let atOrigin = resettleSeconds == 0 && runStart - origin <= Self.originSeconds
        if atOrigin, stillSeconds >= confidentSeconds { return mean }
        if atOrigin, stillSeconds >= Self.originPriorSeconds {
            originPose = mean
            originSeconds = stillSeconds
        }
        if resettleSeconds > 0, runStart < origin - Self.arrivalSeconds {
            // A stillness that began well before the posture change was found (a pose
            // held past any hold: lying with the knees rolled to one side between sets)
            // is where the user waits, not where they will exercise: wait for them to move.
            waitPose = mean
            return nil
        }
        if let wait = waitPose {
            // Still in that pose after a wobble, or somewhere else at last.
            if FastMath.angleDegrees(wait, mean) <= mergeDegrees { return nil }
            waitPose = nil
        }
        if let reference {
            // Between sets: back at the exercise's rest pose decides; any other pose
            // (sitting back, kneeling) waits for the slow rules below.
            if Self.isBack(at: mean, to: reference, within: referenceDegrees, stillSeconds: stillSeconds) { return mean }
        } else if resettleSeconds > 0, stillSeconds >= resettleSeconds, runStart >= origin - Self.arrivalSeconds {
            // Arrived in a new posture and paused there. Where reps go two ways, a
            // pose returned to may be either hold: the pause decides.
            if twoWay { return mean }
            if arrival == nil {
                arrival = mean
                // Poses before it (sitting on the mat before lying back) are not returns:
                // the exercise starts here. (Its run may have begun before the search.)
                visits.removeAll(keepingCapacity: true)
                visits.append(Visit(mean: mean))
            }
        }
        let credit = newRun ? stillSeconds : dt
        var slot = -1
        var best = 180.0
        for i in poses.indices where poses[i].seconds > 0 {
            let a = FastMath.angleDegrees(poses[i].sum, mean)
            if a < best {
                best = a
                slot = i
            }
        }
        if slot < 0 || best > mergeDegrees {
            // A new pose, in an empty slot or in place of the least-held one.
            slot = 0
            for i in poses.indices where poses[i].seconds < poses[slot].seconds { slot = i }
            poses[slot] = Pose()
            if slot == lastSlot { lastSlot = -1 }
            if slot == returned { returned = -1 }
        }
        poses[slot].sum += mean * credit
        poses[slot].seconds += credit
        // A new run's earlier ticks are credited at this tick's activity: a half-second
        // average, as steady as the pose.
        poses[slot].shake += activity * credit
        // A visit is a return from another pose: a wobble that breaks a still run and
        // settles back in the same pose (sway in a hold) is the same visit.
        if newRun, slot != lastSlot {
            poses[slot].runs += 1
            poses[slot].firstVisit = min(poses[slot].firstVisit, runStart)
            if poses[slot].runs == 2, returned < 0, poses[slot].firstVisit > origin + Self.originSeconds { returned = slot }
        }
        if newRun { lastSlot = slot }
        poses[slot].longestRun = max(poses[slot].longestRun, stillSeconds)
        // An arrival waits for the user's moves (`returnVisit`) or the buffer's end.
        if arrival != nil { return nil }
        let (first, second) = leaders
        if twoWay {
            let most = mostVisited(tiesTo: first)
            var other = 0
            for i in poses.indices where i != most { other = max(other, poses[i].runs) }
            if poses[most].runs >= Self.twoWayVisits, Double(poses[most].runs) >= Self.visitRatio * Double(other) {
                return poses[most].sum.normalized
            }
        }
        if !twoWay, returned == first || returned == second, let originPose, originSide(first, second) == nil,
            FastMath.angleDegrees(originPose, poses[returned].sum) > mergeDegrees
        {
            // The input began still somewhere else (the user moved into position) and the
            // first pose the user left for another and came back to is where the reps
            // start from: reps begin at rest, so rest is returned to before any hold is.
            return poses[returned].sum.normalized
        }
        let (a, b) = withOrigin(first, second)
        let visited = poses[first].runs >= Self.visits && poses[second].runs >= Self.visits
        if visited, a < Self.leadRatio * b, let side = quieter(first, second) ?? originSide(first, second) {
            // Two poses visited alike with no clear lead: holds as long as rests. The
            // session began at rest, unless the recording cut into a hold.
            return startingPose(side, first, second)
        }
        guard a >= settleSeconds, a >= Self.leadRatio * b else { return nil }
        // Where reps go two ways, one side's hold may well outlast the target (a pelvis
        // held level on one side, not the other) while each rest is short: only the visits
        // tell rest, which is between every rep.
        guard visited || (!twoWay && poses[first].longestRun >= confidentSeconds) else { return nil }
        return startingPose(quieter(first, second) ?? first, first, second)
    }

    /// Keeps the still runs since (and including) the arrival; at the start of a new run,
    /// the rest pose if it is back, still, in a pose the user left by `departureDegrees`:
    /// reps start from rest, so it is returned to before any hold is. Which pose that is:
    /// of the arrival and the runs of `poseSeconds`, the nearest, or one within reach held
    /// `heldRatio` times as long. The arrival's own pose if that is the one, or one near it
    /// (as the immediate decision would have taken it), unless the user settled there
    /// before the first rep for longer than at the arrival: then the arrival was a pause
    /// on the way.
    private mutating func returnVisit(mean: Vector3, newRun: Bool, stillSeconds: Double) -> Vector3? {
        guard let arrival else { return nil }
        guard newRun else {
            // The run goes on: its pose is its mean so far, and the user is in it.
            if !visits.isEmpty {
                visits[visits.count - 1].mean = mean
                visits[visits.count - 1].leastCosine = 1
                visits[visits.count - 1].seconds = stillSeconds
            }
            return nil
        }
        let (near, off) = nearestVisit(to: mean)
        let farthest = near >= 0 ? visits[near].farthest : 0
        let reach = max(mergeDegrees, Self.returnFraction * farthest)
        guard near >= 0, farthest >= departureDegrees, off <= reach else {
            // Full: the oldest after the arrival goes.
            if visits.count == Self.visitMemory { visits.remove(at: 1) }
            visits.append(Visit(mean: mean, seconds: stillSeconds))
            return nil
        }
        // The arrival is `visits[0]`, always a candidate.
        let pose = nearestVisit(to: mean) { $0 == 0 || visits[$0].seconds >= Self.poseSeconds }.index
        var held = pose
        for i in visits.indices
        where visits[i].seconds > visits[held].seconds && visits[i].seconds >= Self.heldRatio * visits[pose].seconds
            && visits[i].farthest >= departureDegrees && FastMath.angleDegrees(visits[i].mean, mean) <= reach
        {
            held = i
        }
        // Settled into before the first rep and held longer than the arrival: the arrival
        // was a pause on the way. (After a rep, rest wandering: the arrival stands.)
        let firstRep = visits.indices.first { FastMath.angleDegrees(visits[$0].mean, arrival) >= departureDegrees }
        if held != 0, held < firstRep ?? visits.count, visits[held].seconds > visits[0].seconds { return visits[held].mean }
        guard FastMath.angleDegrees(arrival, visits[held].mean) <= max(mergeDegrees, Self.wanderFraction * farthest) else {
            return visits[held].mean
        }
        return heldSideOfApproach(arrival) ?? arrival
    }

    /// The visit nearest `pose` of those `eligible` (by index), and its angle in degrees;
    /// -1 if there is none.
    private func nearestVisit(to pose: Vector3, where eligible: (Int) -> Bool = { _ in true }) -> (index: Int, degrees: Double) {
        var near = -1
        var off = 180.0
        for i in visits.indices where eligible(i) {
            let a = FastMath.angleDegrees(visits[i].mean, pose)
            if a < off {
                off = a
                near = i
            }
        }
        return (near, off)
    }

    /// Where the arrival is returned to, the pose farthest from it since, if the way the
    /// user went to it says the arrival is the held side: from rest a rep turns the
    /// sensor towards `approach` (or away, `approachTurn`), so a first move the other way
    /// by more than half its size went from a hold to rest.
    private func heldSideOfApproach(_ arrival: Vector3) -> Vector3? {
        guard let approachTurn, let approach else { return nil }
        var far = -1
        var farthest = 0.0
        for i in visits.indices {
            let a = FastMath.angleDegrees(visits[i].mean, arrival)
            if a > farthest {
                farthest = a
                far = i
            }
        }
        guard far >= 0, farthest >= departureDegrees else { return nil }
        let turned = FastMath.angleDegrees(approach, visits[far].mean) - FastMath.angleDegrees(approach, arrival)
        let margin = Self.approachMargin * farthest
        switch approachTurn {
        case .toward: return turned > margin ? visits[far].mean : nil
        case .away: return turned < -margin ? visits[far].mean : nil
        }
    }

    /// Still seconds of the two leading poses, the wait at the origin counted with the
    /// one it is nearer to when it is neither: the rest pose of a quick mover wanders by
    /// a few degrees from the wait before the first rep to the pauses between reps.
    private func withOrigin(_ first: Int, _ second: Int) -> (Double, Double) {
        var a = poses[first].seconds
        var b = poses[second].seconds
        // Within `mergeDegrees` the wait was already counted in that pose.
        guard let originPose, let side = originSide(first, second),
            FastMath.angleDegrees(poses[side].sum, originPose) > mergeDegrees
        else { return (a, b) }
        if side == first { a += originSeconds } else { b += originSeconds }
        return (a, b)
    }

    /// Which of the two leaders the pose the input started in is nearest, if it is
    /// within `originReach` of their separation of it.
    private func originSide(_ first: Int, _ second: Int) -> Int? {
        guard let originPose else { return nil }
        let toFirst = FastMath.angleDegrees(poses[first].sum, originPose)
        let toSecond = FastMath.angleDegrees(poses[second].sum, originPose)
        let reach = max(mergeDegrees, Self.originReach * FastMath.angleDegrees(poses[first].sum, poses[second].sum))
        if toFirst <= toSecond { return toFirst <= reach ? first : nil }
        return toSecond <= reach ? second : nil
    }

    /// The rest pose to replay the buffered input from, `slot` having won: the pose the
    /// input started in if it is on that side, so that the first rep starts from rest
    /// (the rest pose then follows the user's drift from rep to rep).
    private func startingPose(_ slot: Int, _ first: Int, _ second: Int) -> Vector3? {
        if let originPose, originSide(first, second) == slot { return originPose }
        return poses[slot].sum.normalized
    }

    /// The pose with the most still time so far, if it has at least `minimumRunSeconds`:
    /// the decision when the buffer runs out before the rules above are met (the
    /// arrival, if any, as the immediate decision would have been). Where holds tremble,
    /// the quieter of the two leaders, if it clearly is (`quieter`).
    /// Without a clear lead, the pose the input started in (`originPose`), if it is one
    /// of the two leaders. Where reps go two ways, the pose visited most (ties to the
    /// stillest): rest is visited between every rep, and holds longer than the rests
    /// between them would make a hold the stillest.
    public var leadingPose: Vector3? {
        if let arrival { return arrival }
        let (first, second) = leaders
        guard poses[first].seconds >= Self.minimumRunSeconds else { return nil }
        if twoWay { return poses[mostVisited(tiesTo: first)].sum.normalized }
        if let quiet = quieter(first, second) { return poses[quiet].sum.normalized }
        if poses[first].seconds < Self.leadRatio * poses[second].seconds, originSide(first, second) == second {
            return poses[second].sum.normalized
        }
        return poses[first].sum.normalized
    }

    /// Slot of the pose visited most; of poses visited alike, `first` if it is one of them
    /// (the stillest, as `first` is from `leaders`), else the lowest slot.
    private func mostVisited(tiesTo first: Int) -> Int {
        var most = first
        for i in poses.indices where poses[i].runs > poses[most].runs { most = i }
        return most
    }

    /// Of the two leading poses, the one that shakes `trembleRatio` times less than the
    /// other while still, where holds tremble and each has `settleSeconds` of still time.
    private func quieter(_ first: Int, _ second: Int) -> Int? {
        guard holdsTremble, poses[first].seconds >= settleSeconds, poses[second].seconds >= settleSeconds else {
            return nil
        }
        // Mean activities compared by cross-multiplying the sums: no division by a zero.
        let shakeFirst = poses[first].shake * poses[second].seconds
        let shakeSecond = poses[second].shake * poses[first].seconds
        if shakeFirst >= Self.trembleRatio * shakeSecond, shakeFirst > 0 { return second }
        if shakeSecond >= Self.trembleRatio * shakeFirst, shakeSecond > 0 { return first }
        return nil
    }

    /// Slots of the pose with the most still time and of the runner-up.
    private var leaders: (first: Int, second: Int) {
        var first = 0
        for i in poses.indices where poses[i].seconds > poses[first].seconds { first = i }
        var second = first == 0 ? 1 : 0
        for i in poses.indices where i != first && poses[i].seconds > poses[second].seconds { second = i }
        return (first, second)
    }
}
