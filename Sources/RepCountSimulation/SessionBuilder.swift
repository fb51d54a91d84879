#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore
import RepCountRecording

/// Writes the script of one session (getting into position, sets of reps, rests,
/// between-set movements, getting up) into a `BodyMotion`, and keeps the ground
/// truth of every rep as it places it.
///
/// Labels are exact by construction: `start` is the key where the rising
/// transition leaves the rest pose, `hold_start` the key where it arrives,
/// `hold_end` the key where the lowering leaves the held pose, `end` where it
/// arrives back at rest.
public struct SessionBuilder {
    public let plan: SessionPlan
    public let subject: SubjectProfile
    public let segment: Posture.Segment
    /// The leg carrying the strap, for thigh placements.
    public let instrumentedSide: Side
    public internal(set) var motion: BodyMotion
    /// Script time, seconds.
    public internal(set) var time = 0.0
    public internal(set) var sets: [Labels.LabelledSet] = []
    /// When the strap turned on the limb (between sets), seconds.
    public internal(set) var strapSlips: [ClosedRange<Double>] = []
    /// Bird-dog reps of the leg without the strap (thigh placement): performed, not labelled.
    public internal(set) var unlabelledReps = 0
    var random: SimulationRandom
    /// Rep counter within the set, for fatigue.
    var repIndex = 0
    /// Sets done so far: fatigue carries over a little.
    var setIndex = 0
    /// The rest pose reps start from and return to; drifts rep by rep.
    var rest: BodyPose
    /// The rest pose the person came back to at the start of the set.
    var setRest: BodyPose

    /// Chance that the strap turns on the limb in a between-set break: people
    /// pull it straight, or it slips as they sit up or stand.
    static let strapSlipProbability = 0.3

    /// Shortest time over which the script changes a pose, seconds: the quickest
    /// deliberate corrections people make take a few tenths of a second.
    static let shortestPoseChange = 0.4

    /// Shortest duration `move(to:over:)` accepts, seconds. Below
    /// `shortestPoseChange` because a rep's lowering is drawn, not chosen: a quick
    /// mover's ramp (0.8 s at the least) times a lowering-to-raising ratio (0.8 at
    /// the least) times a spread factor (e^(-2.5·0.25) ≈ 0.54 at the least) can be
    /// as short as ≈ 0.34 s, a fast but human drop back to rest.
    static let shortestAllowedMove = shortestPoseChange / 2

    /// Shortest rest in which a fidget is placed, seconds: a fidget needs room
    /// so it does not merge into a rep's transition.
    static let minimumRestForFidget = 3.0
    /// Clearance between a fidget and a rep's transitions, seconds.
    static let fidgetClearance = 0.8

    public init(plan: SessionPlan, random: inout SimulationRandom) {
        var r = random.fork()
        self.plan = plan
        subject = SubjectProfile(plan: plan, random: &r)
        switch (plan.exercise, plan.placement) {
        case (.birdDog, .thigh): segment = .thighHip
        case (_, .thigh): segment = .thighKnee
        case (.birdDog, _): segment = .pelvisKnees
        default: segment = .pelvisShoulders
        }
        instrumentedSide = r.chance(0.5) ? .right : .left
        let start = Posture.standing.pose(for: segment, heading: r.uniform(-180, 180), at: Vector3(r.uniform(-2, 2), r.uniform(-2, 2), 0))
        motion = BodyMotion(start: start, lever: segment.lever, random: &r)
        motion.breathingRate = subject.breathingRate
        motion.breathingModulation = r.uniform(0.05, 0.15)
        motion.breathingModulationRate = r.uniform(0.01, 0.04)
        // Breathing rocks the pelvis visibly (abdomen and lumbar spine), the thigh barely.
        switch segment {
        case .thighKnee, .thighHip: motion.breathingAmplitude = r.uniform(0.05, 0.25)
        case .pelvisShoulders, .pelvisKnees: motion.breathingAmplitude = r.uniform(0.2, 0.6)
        }
        // Lying with the knees up, or on all fours, the legs are never quite still
        // (MEx rest wobble: median 0.8°, up to 3°); the pelvis on the mat is steadier.
        switch segment {
        case .thighKnee, .thighHip: motion.restSway = r.uniform(0.3, 1.2)
        case .pelvisShoulders, .pelvisKnees: motion.restSway = r.uniform(0.08, 0.3)
        }
        // Muscle tone and soft tissue: MEx rest has 0.06-0.12 m/s² in each band from
        // 1.5 to 45 Hz on the mat, 0.16-0.35 m/s² on all fours (the thigh carries weight).
        motion.restTremor = segment == .thighHip ? r.uniform(0.12, 0.3) : r.uniform(0.05, 0.14)
        motion.swayLevel = Track(initial: 0.35)
        rest = start
        setRest = start
        self.random = r
    }

    // MARK: - Primitives

    /// A random skew for one transition: people are not metronomes. Within ±0.5,
    /// so inside `MinimumJerk.maximumSkew` (0.6) without a further clamp.
    mutating func skew() -> Double {
        random.normal(0, 0.25, clampedTo: 2)
    }

    /// Moves to `pose` over `duration` seconds.
    mutating func move(to pose: BodyPose, over duration: Double) {
        precondition(duration >= Self.shortestAllowedMove, "pose change over \(duration) s is not a human movement")
        time += duration
        motion.key(pose, at: time, skew: skew())
    }

    /// Stays near the current pose for `duration` seconds, drifting by up to
    /// `drift` degrees, with fidgets at the subject's rate.
    mutating func stay(_ duration: Double, drift: Double = 0.3, fidgets: Bool = true) {
        let from = time
        let pose = motion.lastPose.moved(pitch: random.normal(0, drift, clampedTo: 2), lean: random.normal(0, drift / 2, clampedTo: 2))
        time += duration
        motion.key(pose, at: time, skew: skew())
        if fidgets { addFidgets(from: from, to: time) }
        let leg = segment == .thighKnee || segment == .thighHip
        if fidgets && leg && duration > 2 && random.chance(subject.shakyRestProbability) {
            // A shaky spell: some people's legs tremble visibly at rest (MEx s09:
            // ±2-5 m/s² at 7-10 Hz between reps). The pelvis, carrying the trunk, does not.
            let length = random.uniform(1, min(4, duration - 0.5))
            let begin = from + random.uniform(0.2, duration - length)
            motion.add(Disturbance(start: begin, end: begin + length, kind: .effort(tremor: random.uniform(0.2, 1.2), sway: 0, growth: 0)))
        }
    }

    /// Fidgets between `from` and `to` at the subject's rate (Poisson, at most
    /// one per 3 s), each a short bump clear of both ends.
    mutating func addFidgets(from: Double, to: Double) {
        let room = to - from - 2 * Self.fidgetClearance
        guard to - from >= Self.minimumRestForFidget, room > 0.5 else { return }
        let expected = subject.fidgetsPerMinute * (to - from) / 60
        var count = 0
        var p = expected
        while count < Int(room / 3) && random.unit() < p { count += 1; p = expected / Double(count + 1) }
        guard count > 0 else { return }
        let slot = room / Double(count)
        for k in 0..<count {
            let duration = min(random.uniform(0.4, 1.8), slot * 0.9)
            let begin = from + Self.fidgetClearance + Double(k) * slot + random.uniform(0, max(0, slot - duration))
            let size = fidgetSize()
            motion.add(Disturbance(start: begin, end: begin + duration, kind: .fidget(
                pitch: random.normal(0, size, clampedTo: 2), roll: random.normal(0, size, clampedTo: 2),
                lean: random.normal(0, size / 2, clampedTo: 2),
                shift: Vector3(random.normal(0, 0.01), random.normal(0, 0.01), random.normal(0, 0.005)))))
        }
    }

    /// Typical fidget size for the segment, degrees SD: a thigh shifts more than a
    /// pelvis carrying the body's weight.
    func fidgetSize() -> Double {
        switch segment {
        case .thighKnee, .thighHip: 2.0
        case .pelvisShoulders: 1.2
        case .pelvisKnees: 0.8
        }
    }

    /// Walks for `duration` seconds in the current heading, then turns by `turn` degrees.
    mutating func walk(_ duration: Double, turn: Double = 0) {
        let pose = motion.lastPose
        let speed = random.uniform(0.6, 1.2)  // m/s, indoors across a room
        let h = pose.heading * .pi / 180
        let distance = speed * duration
        let swing: Double
        switch segment {
        case .thighKnee, .thighHip: swing = random.uniform(15, 25)  // hip flexion-extension range in gait ±15-25°
        case .pelvisShoulders, .pelvisKnees: swing = random.uniform(2, 5)  // pelvic tilt/obliquity in gait
        }
        motion.add(Disturbance(start: time, end: time + duration, kind: .gait(
            swing: swing, bounce: random.uniform(0.015, 0.035), strideHz: random.uniform(0.8, 1.0), phase: random.uniform(0, 2 * .pi))))
        var target = pose.moved(by: Vector3(distance * cos(h), distance * sin(h), 0))
        target.heading += turn
        move(to: target, over: duration)
    }

    /// Moves into `posture` over `duration` seconds, with the person's own small
    /// deviation from the textbook pose.
    mutating func take(_ posture: Posture, over duration: Double, spread: Double = 4) {
        let now = motion.lastPose
        var pose = posture.pose(for: segment, heading: now.heading, at: now.position)
        pose.pitch += random.normal(0, spread, clampedTo: 2)
        pose.lean += random.normal(0, spread / 2, clampedTo: 2)
        // Lying down turns the body by 180° about the vertical between standing
        // and lying for the pitch convention to stay continuous; the pitch
        // itself (-90 → 45 for a thigh, 90 → 180 for a pelvis) carries that.
        let start = time
        move(to: pose, over: duration)
        motion.swayLevel.add(time: start, value: motion.swayLevel.last)
        motion.swayLevel.add(time: time, value: swayFactor(posture))
    }

    /// How much the resting sway of the segment shows in `posture`, relative to
    /// the exercise's own start posture (lying knees-up, all fours), where
    /// `restSway` was calibrated.
    func swayFactor(_ posture: Posture) -> Double {
        switch posture {
        case .supine, .allFours: 1
        case .sittingOnFloor: 0.6
        case .sittingOnHeels, .kneeling: 0.5
        case .standing, .againstWall: 0.35
        }
    }

    /// A standing/leaning stretch with postural sway (and a little tremor), seconds.
    mutating func standStill(_ duration: Double) {
        motion.add(Disturbance(start: time, end: time + duration, kind: .effort(tremor: subject.tremor * 0.3, sway: subject.sway * 0.7, growth: 0)))
        stay(duration, drift: 0.5)
    }

    // MARK: - Reps

    /// One rep from the current rest pose to `peak` and back, recording its labels.
    /// `hold` is the time in the held pose, seconds; `sway` and `tremor` scale the
    /// subject's own; `growth` is their rise per 10 s held; `landing` adds a jolt
    /// on arriving back at rest (hips or knee meeting the mat).
    mutating func rep(peak: BodyPose, hold: Double, sway: Double, tremor: Double, growth: Double,
                      landing: Bool = false, labelled: Bool, side: Side?) -> Labels.LabelledRep {
        let rise = subject.rampSeconds * random.factor(subject.rampSpread)
        let fall = subject.rampSeconds * subject.lowerToRaise * random.factor(subject.rampSpread)
        let start = time
        let from = motion.lastPose
        var top = peak
        let overshoot = hold > 1.5 && random.chance(subject.overshootProbability)
        if overshoot {
            // Going a little past the pose and settling back, as people do.
            let k = random.uniform(0.04, 0.12)
            top = BodyPose(pitch: peak.pitch + (peak.pitch - from.pitch) * k, roll: peak.roll + (peak.roll - from.roll) * k,
                           lean: peak.lean + (peak.lean - from.lean) * k, heading: peak.heading, position: peak.position)
        }
        move(to: top, over: rise)
        let holdStart = time
        if overshoot {
            let settle = random.uniform(0.4, 0.9)
            move(to: peak, over: settle)
        }
        // The held pose sags (hips sinking, leg drooping) and is corrected now and then.
        let sag = subject.holdSag * random.uniform(0, 1.5)
        let sagged = BodyPose(pitch: peak.pitch - (peak.pitch - from.pitch) * sag, roll: peak.roll - (peak.roll - from.roll) * sag,
                              lean: peak.lean + random.normal(0, 0.5, clampedTo: 2), heading: peak.heading, position: peak.position)
        let remaining = holdStart + hold - time
        // Only a hold long enough to sag in sags; a change of pose over a few
        // milliseconds would be an impossible jolt.
        if remaining >= Self.shortestPoseChange { move(to: sagged, over: remaining) }
        let holdEnd = holdStart + hold
        time = max(time, holdEnd)
        // Back to a rest level that has wandered a little since the last rep.
        let drift = subject.restDrift
        rest = BodyPose(pitch: 0.6 * rest.pitch + 0.4 * setRest.pitch + random.normal(0, drift, clampedTo: 2.5),
                        roll: 0.6 * rest.roll + 0.4 * setRest.roll + random.normal(0, drift / 2, clampedTo: 2.5),
                        lean: 0.6 * rest.lean + 0.4 * setRest.lean + random.normal(0, drift / 2, clampedTo: 2.5),
                        heading: rest.heading, position: setRest.position)
        move(to: rest, over: fall)
        let end = time
        motion.add(Disturbance(start: start + rise * 0.5, end: holdEnd + fall * 0.5, kind: .effort(
            tremor: subject.tremor * tremor, sway: subject.sway * sway, growth: growth)))
        if landing && random.chance(0.6) {
            // MEx bridges show 1-5 m/s² spikes in |a| as the hips come down.
            let width = random.uniform(0.03, 0.08)
            let start = end - random.uniform(0.1, 0.3)
            motion.add(.impact(start: start, peak: random.uniform(0.5, 3.5), frequencyHz: random.uniform(8, 16), width: width))
        }
        repIndex += 1
        if !labelled { unlabelledReps += 1 }
        return Labels.LabelledRep(start: Self.round(start), holdStart: Self.round(holdStart), holdEnd: Self.round(holdEnd), end: Self.round(end), side: side)
    }

    /// The hold this rep gets: around the target, sometimes cut short, sometimes over,
    /// shortening with fatigue; for slow movers and quick reps, almost none.
    mutating func holdDuration() -> Double {
        switch plan.style {
        case .slow: return random.uniform(0, 0.8)
        case .quick: return random.uniform(0, 0.35)
        case .standard, .blocks: break
        }
        let target = plan.holdTarget
        var h = target * subject.holdCompliance + random.normal(0, subject.holdSpread, clampedTo: 2.5)
        if random.chance(subject.shortHoldProbability) { h = target * random.uniform(0.3, 0.7) }
        else if random.chance(subject.longHoldProbability) { h = target + random.uniform(1, 4) }
        h *= 1 - 0.4 * fatigue
        return max(0.3, h)
    }

    /// Amplitude of the next rep, degrees: the person's median, varied and fading with fatigue.
    mutating func amplitude() -> Double {
        subject.amplitude * random.factor(subject.amplitudeSpread) * (1 - fatigue)
    }

    /// Fraction of strength lost: grows through the set, partly recovered by the
    /// rest between sets, never more than a third.
    var fatigue: Double {
        min(0.33, subject.fatiguePerRep * (Double(repIndex) + 3 * Double(setIndex)))
    }

    /// Rest between reps, seconds.
    mutating func restBetweenReps() -> Double {
        max(0.4, subject.restSeconds * random.factor(0.35))
    }

    /// Times are written with 0.1 ms resolution, like the recording's time axis.
    static func round(_ t: Double) -> Double { (t * 10_000).rounded() / 10_000 }
}
