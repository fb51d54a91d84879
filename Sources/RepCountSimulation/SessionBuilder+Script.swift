import RepCountCore
import RepCountRecording

/// The session scripts: getting into position, the sets, what happens between
/// sets, and getting up, for each exercise.
extension SessionBuilder {
    /// Runs the whole script and returns the session.
    public mutating func build() -> SimulatedSession {
        settle()
        for s in 0..<plan.sets {
            if s > 0 { betweenSets() }
            setRest = motion.lastPose
            rest = setRest
            setIndex = s
            repIndex = 0
            runSet()
        }
        finish()
        return SimulatedSession(motion: motion, labels: Labels(exercise: plan.exercise, placement: plan.placement, sets: sets),
                                duration: time, instrumentedSide: instrumentedSide, firstSide: subject.firstSide, unlabelledReps: unlabelledReps,
                                strapSlips: strapSlips)
    }

    /// From standing when the recording starts to still in the start position.
    mutating func settle() {
        standStill(random.uniform(1, 5))
        switch plan.exercise {
        case .bridge:
            if random.chance(0.6) { walk(random.uniform(2, 6), turn: random.uniform(-60, 60)) }
            take(.sittingOnFloor, over: random.uniform(2, 3.5))
            stay(random.uniform(1, 4))
            take(.supine, over: random.uniform(1.5, 3))
            stay(random.uniform(4, 10), drift: 1.5)
        case .wallSit:
            walk(random.uniform(3, 9))
            walk(random.uniform(1.2, 2), turn: 180 + random.normal(0, 8, clampedTo: 2))
            take(.againstWall, over: random.uniform(1, 2))
            standStill(random.uniform(3, 8))
        case .birdDog:
            if random.chance(0.6) { walk(random.uniform(2, 5), turn: random.uniform(-60, 60)) }
            take(.kneeling, over: random.uniform(1.5, 3), spread: 3)
            take(.allFours, over: random.uniform(1.5, 3), spread: 3)
            stay(random.uniform(3, 8), drift: 1)
        }
    }

    /// One set of reps.
    mutating func runSet() {
        var reps: [Labels.LabelledRep] = []
        switch plan.exercise {
        case .bridge:
            // Raising the hips lowers the knee end of the thigh relative to the
            // hip (pitch falls) and tips the pelvis head-down (pitch grows).
            let direction: Double = segment == .thighKnee ? -1 : 1
            for i in 0..<plan.reps {
                if i > 0 { stay(restBetweenReps(), drift: 0.2) }
                let peak = rest.moved(pitch: direction * amplitude(), lean: random.normal(0, 1, clampedTo: 2))
                reps.append(rep(peak: peak, hold: holdDuration(), sway: 0.3, tremor: 1, growth: 0.3, landing: true, labelled: true, side: nil))
            }
        case .wallSit:
            for i in 0..<plan.reps {
                // Sliding back up after a 10 s squat, people stand a while longer
                // than between bridges (the seeds give no figure for wall sits).
                if i > 0 { standStill(restBetweenReps() * 1.3 + 3) }
                // The held angle is absolute (thigh from vertical), not relative to rest.
                var peak = rest
                peak.pitch = -90 + amplitude()
                peak.lean += random.normal(0, 2, clampedTo: 2)
                reps.append(rep(peak: peak, hold: holdDuration(), sway: 1, tremor: 1.5, growth: random.uniform(0.5, 1.2), labelled: true, side: nil))
            }
        case .birdDog:
            for (i, side) in birdDogSides().enumerated() {
                if i > 0 {
                    // A longer pause where a blocks-style person changes sides.
                    let switching = plan.style == .blocks && i == plan.reps
                    stay(restBetweenReps() + (switching ? random.uniform(4, 12) : 0), drift: 0.2)
                }
                let sign: Double = side == .right ? 1 : -1
                switch segment {
                case .thighHip where side == instrumentedSide:
                    // Hip extension swings the thigh back from vertical.
                    let peak = rest.moved(pitch: -amplitude(), lean: random.normal(0, 3, clampedTo: 2))
                    reps.append(rep(peak: peak, hold: holdDuration(), sway: 3.5, tremor: 1.5, growth: 0.3, landing: true, labelled: true, side: side))
                case .thighHip:
                    // The other leg lifts: this thigh takes the weight and tips a
                    // little (3-8° on the MEx superman recordings).
                    let peak = rest.moved(pitch: random.normal(0, 2, clampedTo: 2), lean: -sign * random.uniform(2.5, 6))
                    _ = rep(peak: peak, hold: holdDuration(), sway: 1.2, tremor: 1, growth: 0.3, labelled: false, side: side)
                default:
                    // Lifting one leg rolls the pelvis towards it by a few degrees,
                    // tilts it forward a little and shifts it over the stance knee.
                    let roll = sign * amplitude()
                    let peak = rest.moved(pitch: random.uniform(0.5, 3), roll: roll, by: Vector3(0, -sign * random.uniform(0.005, 0.02), 0))
                    reps.append(rep(peak: peak, hold: holdDuration(), sway: 0.5, tremor: 1, growth: 0.3, labelled: true, side: side))
                }
            }
        }
        sets.append(Labels.LabelledSet(reps: reps))
    }

    /// The order of legs in a bird-dog set: blocks of one side, or alternating
    /// with the occasional repeat (people lose track).
    mutating func birdDogSides() -> [Side] {
        if plan.style == .blocks {
            let first = subject.firstSide
            return Array(repeating: first, count: plan.reps) + Array(repeating: first.opposite, count: plan.reps)
        }
        // Every set starts with the person's first side.
        var side = subject.firstSide
        var out: [Side] = []
        for _ in 0..<(2 * plan.reps) {
            out.append(side)
            if random.chance(subject.alternation) { side = side.opposite }
        }
        return out
    }

    /// About a minute between sets, filled with what people do then.
    mutating func betweenSets() {
        let end = time + subject.setRestSeconds * random.factor(0.2)
        stay(random.uniform(2, 6))
        if random.chance(Self.strapSlipProbability) {
            let start = time + random.uniform(0, 2)
            strapSlips.append(start...(start + random.uniform(0.5, 2)))
        }
        switch plan.exercise {
        case .bridge:
            switch random.int(0...2) {
            case 0:
                // Stay lying, roll the knees to each side to ease the back.
                for s in [1.0, -1.0] where random.chance(0.8) {
                    let a = random.uniform(25, 50)
                    let tipped = segment == .thighKnee
                        ? motion.lastPose.moved(pitch: -random.uniform(3, 12), lean: s * a)
                        : motion.lastPose.moved(roll: s * a * 0.4)
                    let back = motion.lastPose
                    move(to: tipped, over: random.uniform(1.5, 3))
                    stay(random.uniform(3, 8), drift: 1)
                    move(to: back, over: random.uniform(1.5, 3))
                    stay(random.uniform(2, 5))
                }
            case 1:
                take(.sittingOnFloor, over: random.uniform(1.8, 3))
                stay(max(3, end - time - 12), drift: 2)
                take(.supine, over: random.uniform(1.5, 3))
            default:
                take(.sittingOnFloor, over: random.uniform(1.8, 3))
                take(.standing, over: random.uniform(2, 3.5))
                walk(random.uniform(4, 12), turn: 180)
                walk(random.uniform(3, 8), turn: 180 + random.normal(0, 10, clampedTo: 2))
                take(.sittingOnFloor, over: random.uniform(2, 3.5))
                take(.supine, over: random.uniform(1.5, 3))
            }
        case .wallSit:
            take(.standing, over: random.uniform(0.8, 1.5))
            walk(random.uniform(3, 8), turn: 180)
            standStill(random.uniform(5, 15))
            walk(random.uniform(3, 8), turn: 180 + random.normal(0, 8, clampedTo: 2))
            take(.againstWall, over: random.uniform(1, 2))
        case .birdDog:
            if random.chance(0.6) {
                take(.sittingOnHeels, over: random.uniform(1.5, 3))
                stay(max(3, end - time - 8), drift: 2)
            } else {
                take(.kneeling, over: random.uniform(1.2, 2))
                take(.sittingOnFloor, over: random.uniform(2, 3))
                stay(max(3, end - time - 10), drift: 2)
                take(.kneeling, over: random.uniform(2, 3))
            }
            take(.allFours, over: random.uniform(1.5, 3), spread: 3)
        }
        if end > time { stay(end - time) }
        stay(random.uniform(2, 5), drift: 0.5)
    }

    /// After the last rep: a pause, then getting up (or the recording simply stops).
    mutating func finish() {
        stay(random.uniform(2, 8))
        switch plan.exercise {
        case .bridge:
            if random.chance(0.6) {
                take(.sittingOnFloor, over: random.uniform(2, 3))
                if random.chance(0.5) { take(.standing, over: random.uniform(2, 3.5)); walk(random.uniform(2, 5)) }
            }
        case .wallSit:
            take(.standing, over: random.uniform(0.8, 1.5))
            walk(random.uniform(2, 6))
        case .birdDog:
            if random.chance(0.6) {
                take(.sittingOnHeels, over: random.uniform(1.5, 3))
                if random.chance(0.5) { take(.kneeling, over: 1.5); take(.standing, over: random.uniform(1.5, 2.5)) }
            }
        }
        stay(random.uniform(1, 4))
    }
}
