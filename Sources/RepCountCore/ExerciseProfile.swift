/// Everything the rep logic needs to know about one exercise at one placement.
///
/// The amplitudes come from the movement itself (`../shared/exercises.md`) and
/// from the real MEx thigh recordings, never from one file: the counter then
/// adapts to the amplitude it sees (thresholds relative to the session's
/// typical peak), so these only bound what a rep can physically be.
/// All angles are the tilt of the gravity direction away from the learnt rest
/// pose, in degrees; all times in seconds.
public struct ExerciseProfile: Sendable, Equatable {
    /// Typical peak tilt assumed before the first rep is seen, degrees. At the low end
    /// of the exercise's range, so a small mover's first rep is not missed.
    public var priorPeakDegrees: Double
    /// Smallest peak tilt that can be a rep at all, degrees.
    public var minimumPeakDegrees: Double
    /// Largest peak tilt a rep can reach, degrees; a larger excursion that comes to
    /// rest is a posture change (sitting up, getting up, lying down).
    public var maximumPeakDegrees: Double
    /// Lower bound on the tilt that starts an excursion, degrees: above the rest
    /// pose's wander (breathing, sway, strap movement).
    public var minimumEnterDegrees: Double
    /// Half-width of the band within which the orientation counts as still, degrees:
    /// wider than breathing and postural sway, narrower than any movement.
    public var stillBandDegrees: Double
    /// Lower bound on the band below the running peak within which the live state is
    /// "holding", degrees: what the filtered trace of a held pose still wanders (sway,
    /// tremor, sag).
    public var holdToleranceDegrees: Double
    /// Whether reps move in one consistent direction from rest, so that an
    /// excursion in another direction (knees rolling to the side) is not a rep.
    /// False where reps go two ways (bird dog on the lower back: left and right).
    public var singleDirection: Bool
    /// Whether the side of each rep is told by the sign of the excursion (bird dog on
    /// the lower back). Bird dog on the thigh counts only the instrumented leg.
    public var sidesBySign: Bool

    /// Fraction of the typical peak above which an excursion starts. 0.35 clears the
    /// rest wander of small movers and catches the ramp early enough to time it.
    public var enterFraction = 0.35
    /// Fraction of the typical peak an excursion must reach to be a rep: half-height
    /// bumps are fidgets or, in a thigh bird dog, the other leg's rep.
    public var peakFraction = 0.4
    /// Fraction of the peak below which a dip, followed by a rise of this fraction of the
    /// way back up, splits two quick reps that barely pause at rest; 0: never split.
    /// Only bridges are done as quick reps (3 x 15 with no hold); a bird dog or a wall
    /// sit that dips half way and goes back up is one rep with a wobble.
    public var splitFraction = 0.0
    /// Fraction of the rep's own peak (at most the largest of the session's recent
    /// reps) below which the rep is back at rest.
    public var exitFraction = 0.3
    /// Fraction of the rep's own peak below which a rep that has come to a stop counts
    /// as back at rest, at a rest level that drifted (re-learnt there).
    public var driftedExitFraction = 0.6
    /// Seconds below `driftedExitFraction` of the peak that end a rep at a
    /// drifted rest level. Longer than the pause at the bottom of a two-stage descent.
    public var driftedExitSeconds = 1.0
    /// Whether the session's first rep is counted only once the second agrees with its
    /// direction (or the set ends). Kneeling down through sitting on the heels before
    /// a bird dog swings the thigh as far as a rep, the other way; the cost is that the
    /// first rep is reported with the second.
    public var confirmFirstRep = false
    /// Whether the held pose shakes more than rest (`RestPoseFinder.holdsTremble`): a wall
    /// sit's hold is a loaded isometric squat whose quadriceps tremble, while standing
    /// against the wall rests them. (Not bridges or bird dogs: the real MEx holds are
    /// quieter than the rests between them.)
    public var holdsTremble = false
    /// Which way a rep turns the sensor relative to a pose the user came from before
    /// getting into position, where the body fixes it (`RestPoseFinder.approach`).
    public var approachTurn: ApproachTurn? = nil
    /// Fraction of the session's typical rep duration (the median of the last reps,
    /// once there are three) below which an excursion is too brief to be a rep; 0: off
    /// (`DurationTracker`).
    public var durationFraction = 0.0
    /// Seconds of still time in one pose before it is taken as the first rest pose
    /// (`RestPoseFinder`): more than the end of a hold a recording may start in, and
    /// reached within a few reps even by quick movers who pause a second at rest.
    public var settleSeconds = 3.0
    /// Seconds of one still stretch that settle the rest pose after a posture change:
    /// people arriving in the exercise position pause before the first rep (and may
    /// shift once or twice first, so a short first stop is not enough).
    public var resettleSeconds = 3.5
    /// After a posture change, a still pose within this fraction of the typical rep
    /// amplitude of the rest pose of the earlier reps is that rest pose again: well
    /// inside the rep amplitude, so a held pose cannot match, and tighter than where
    /// people pause for a second while lying back down (0.3 of a rep away in sim
    /// bridge-thigh-07, before they shift into place).
    public var referenceFraction = 0.25
    /// Degrees, lower bound of that match: the rest pose's own wander between sets.
    public var referenceMinimumDegrees = 2.0
    /// An excursion that stays below this fraction of the typical peak and comes to rest
    /// there for `restShiftSeconds` is the rest pose shifting, not a rep.
    public var restShiftFraction = 0.45
    /// Seconds still for that: longer than the pause at the top of a quick rep.
    public var restShiftSeconds = 2.0
    /// Seconds still (in a band twice `stillBandDegrees`) after an excursion beyond
    /// `maximumPeakDegrees` (or while walking) before the rest pose is searched for
    /// afresh: the user has settled somewhere new.
    public var relearnSeconds = 1.5
    /// Seconds, shortest time above the enter threshold for a rep: a quick rep takes
    /// 0.8-1.4 s up and as long down, while bumps and jolts last well under a second.
    public var minimumRepSeconds = 0.7
    /// RMS of the fast part of the specific force's magnitude, m/s^2, above which the user is
    /// walking or moving about rather than exercising: slow controlled movements stay
    /// below 0.5 m/s^2, footfalls reach several m/s^2.
    public var walkingActivity = 2.0
    /// Seconds of rest between reps after which the set is over (exercises.md: about
    /// a minute between sets, a few seconds between reps).
    public var setGapSeconds = 40.0
    /// How the hold is timed (`RepTimer`): by the angular speed at the top of each ramp
    /// (default; 10%: below it the movement has visibly stopped, above it tremor and sway
    /// at a held pose stay), from the extrapolated ends of the ramps, or as the stretch
    /// within a band of the plateau. Where the exercise's ramps end otherwise than a
    /// minimum-jerk ramp, the fraction is the one that times holds best on every source
    /// at once (both generators' recordings, fresh seeds of each, and for the thigh the
    /// real MEx recordings and their variants): one that helps one source at another's
    /// cost is not taken.
    public var holdDefinition = HoldDefinition.speed(fraction: 0.10)
    /// Fraction of the rep's height above rest that marks leaving rest and being back.
    public var edgeFraction = 0.15
    /// Angle between a rep's direction and the session's typical rep direction above
    /// which it is not the exercise, degrees.
    public var maximumDirectionDegrees = 50.0

    public init(
        priorPeakDegrees: Double, minimumPeakDegrees: Double, maximumPeakDegrees: Double,
        minimumEnterDegrees: Double, stillBandDegrees: Double, holdToleranceDegrees: Double,
        singleDirection: Bool, sidesBySign: Bool
    ) {
        self.priorPeakDegrees = priorPeakDegrees
        self.minimumPeakDegrees = minimumPeakDegrees
        self.maximumPeakDegrees = maximumPeakDegrees
        self.minimumEnterDegrees = minimumEnterDegrees
        self.stillBandDegrees = stillBandDegrees
        self.holdToleranceDegrees = holdToleranceDegrees
        self.singleDirection = singleDirection
        self.sidesBySign = sidesBySign
    }

    /// This profile with `change` applied: the standard profiles below are a base plus
    /// the few settings that differ.
    public func with(_ change: (inout ExerciseProfile) -> Void) -> ExerciseProfile {
        var p = self
        change(&p)
        return p
    }

    /// The profile for `exercise` with the sensor at `placement`.
    public static func standard(for exercise: Exercise, at placement: Placement) -> ExerciseProfile {
        switch (exercise, placement) {
        case (.bridge, .thigh):
            // The thigh tilts 5-25 deg with the hips up (up to ~45 deg on MEx s08: a thigh
            // at ~45 deg elevation cannot go past horizontal), rest wander ~1 deg.
            ExerciseProfile(
                priorPeakDegrees: 9, minimumPeakDegrees: 3.5, maximumPeakDegrees: 55,
                minimumEnterDegrees: 2.5, stillBandDegrees: 1.5, holdToleranceDegrees: 1.0,
                singleDirection: true, sidesBySign: false
            ).with {
                $0.splitFraction = 0.5
                // Holds read short at 10% (MEx -0.13 s median): the hips brake hard near the
                // top. 13%: hold MAE MEx 0.18 -> 0.14 s, variants 0.21 -> 0.17, independent
                // model 0.32 -> 0.30, ours 0.36 (unchanged); 16% and up costs ours.
                $0.holdDefinition = .speed(fraction: 0.13)
                // Lying with the knees bent is about as steep as a thigh gets; raising the
                // hips lowers the knee end towards horizontal, back towards standing,
                // sitting or lying flat: the hold is nearer any of them than rest is.
                $0.approachTurn = .toward
            }
        case (.bridge, _):
            // The pelvis tilts 15-35 deg; sitting up turns it 60-90 deg.
            ExerciseProfile(
                priorPeakDegrees: 15, minimumPeakDegrees: 7, maximumPeakDegrees: 50,
                minimumEnterDegrees: 4, stillBandDegrees: 1.5, holdToleranceDegrees: 1.5,
                singleDirection: true, sidesBySign: false
            ).with {
                $0.splitFraction = 0.5
                // Holds read long at 10% (ours +0.16 s median): the pelvis settles slowly
                // onto the shoulders. 7%: hold MAE ours 0.30 -> 0.27 s, independent model
                // 0.16 -> 0.15.
                $0.holdDefinition = .speed(fraction: 0.07)
                // Lying, the pelvis is a quarter turn from upright; raising the hips on the
                // shoulders turns it further, away from standing or sitting.
                $0.approachTurn = .away
            }
        case (.wallSit, _):
            // The thigh goes from vertical to 45-90 deg; sitting on a chair or the floor
            // between sets turns it as far, so a long stay is a posture change.
            ExerciseProfile(
                priorPeakDegrees: 45, minimumPeakDegrees: 25, maximumPeakDegrees: 120,
                minimumEnterDegrees: 10, stillBandDegrees: 2.5, holdToleranceDegrees: 3,
                singleDirection: true, sidesBySign: false
            ).with {
                $0.holdsTremble = true
                // Holds read long at 10% (+0.31 s median ours, +0.13 s the independent
                // model's): 80 degrees in 2-3 s is fast, and a tenth of it still a visible
                // slide. 5%: hold MAE ours 0.41 -> 0.28 s, independent model 0.24 -> 0.18.
                $0.holdDefinition = .speed(fraction: 0.05)
            }
        case (.birdDog, .thigh):
            // The instrumented leg extends 60-90 deg (MEx: 50-107); the other leg's rep
            // shifts this thigh by a weight shift only (5-25 deg).
            ExerciseProfile(
                priorPeakDegrees: 55, minimumPeakDegrees: 30, maximumPeakDegrees: 140,
                minimumEnterDegrees: 12, stillBandDegrees: 3, holdToleranceDegrees: 4,
                singleDirection: true, sidesBySign: false
            ).with {
                // A partial lift of the leg just before getting up (MEx s13: 1.0 s against
                // reps of 4 s) is no rep; quick movers' reps are all quick alike.
                $0.durationFraction = 0.4
                $0.confirmFirstRep = true
                // Holds read short at 10% (MEx -0.13 s, independent model -0.26 s median):
                // the leg brakes hard as it reaches the hold. 15%: hold MAE MEx 0.17 ->
                // 0.09 s, variants 0.17 -> 0.10, independent model 0.30 -> 0.26, ours 0.30
                // -> 0.31; 20% and up costs ours.
                $0.holdDefinition = .speed(fraction: 0.15)
            }
        case (.birdDog, _):
            // The pelvis rolls a few degrees, one way per side (the exercise is to keep
            // it level; the largest roll in Recordings/ is 9.5 deg); getting onto all
            // fours, kneeling up or sitting back on the heels turns it 15 deg and more.
            ExerciseProfile(
                priorPeakDegrees: 3, minimumPeakDegrees: 1.2, maximumPeakDegrees: 12,
                minimumEnterDegrees: 0.8, stillBandDegrees: 0.6, holdToleranceDegrees: 0.4,
                singleDirection: false, sidesBySign: true
            ).with {
                // A roll of a few degrees is close to the pelvis's own wander (breathing,
                // weight shifts of 1-2 deg): a rep must reach most of the typical roll.
                $0.peakFraction = 0.6
                // Reaching a leg back and bringing it in takes 2 s and more even unheld (the
                // shortest of 3,200 reps labelled by both generators: 2.2 s); a roll of the
                // pelvis over in less than 1.2 s is a jolt or a weight shift, which the
                // session's durations (`durationFraction`) cannot yet tell before its
                // third rep (stress lower-back-05: 1.1 s between the first two).
                $0.minimumRepSeconds = 1.2
                // A fidget or a weight shift can roll the pelvis as far as a rep, but
                // briefly: a rep is a slow reach, held.
                $0.durationFraction = 0.4
            }
        }
    }

    /// Seconds a pose away from rest may be held before it is taken as the new rest
    /// (a posture change) rather than a long hold: two and a half times the target,
    /// and never under 15 s, since people often hold past the target.
    public static func maximumHoldSeconds(target: Double) -> Double {
        max(15, 2.5 * target)
    }
}

/// Which way a rep turns the sensor relative to a pose the user came from, far from the
/// exercise position.
public enum ApproachTurn: Sendable, Equatable {
    /// The held pose is nearer that pose than rest is.
    case toward
    /// The held pose is farther from it than rest is.
    case away
}

/// What counts as the held part of a rep.
public enum HoldDefinition: Sendable, Equatable {
    /// From the end of the ramp up to the start of the ramp down, each found by
    /// extrapolating the ramp along a minimum-jerk profile. A ramp straight into a
    /// ramp has no hold.
    case rampEnd
    /// From where the rise's angular speed falls below `fraction` of its peak speed and
    /// stays there to where the fall's speed rises above `fraction` of its own peak: the
    /// pose is held while it barely moves, as a person labelling the trace by eye (and
    /// the MEx labelling procedure) times it, whatever the ramps' shape. Each end is
    /// weighed with the `rampEnd` estimate (`RepTimer.rampEndWeight`).
    case speed(fraction: Double)
}
