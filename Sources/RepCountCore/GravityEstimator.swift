/// Separates gravity (the slow part of the specific force, which gives the
/// segment's orientation) from motion (the fast part), sample by sample.
///
/// Two cascaded first-order low-passes (`LowPassFilter`'s update, sharing one factor) give the gravity estimate: exercise
/// movements take 1-5 s, so a 2 x 0.1 s cascade (-3 dB near 1 Hz) keeps their
/// shape while removing tremor (6-12 Hz), footfalls and sensor noise. Its group
/// delay, `delay`, is subtracted from every time the pipeline reports.
/// `activity` is the RMS of the fast changes of the specific force's *magnitude*,
/// averaged over half a second: near zero lying still, holding or turning a limb
/// slowly (a rotation changes the direction, not the magnitude), a few m/s^2 while
/// walking (footfalls).
public struct GravityEstimator: Sendable, Equatable {
    /// One output of the estimator.
    public struct Reading: Sendable, Equatable {
        /// Sample time, seconds.
        public var time: Double
        /// Low-passed specific force, m/s^2, sensor frame (gravity plus slow motion).
        public var gravity: Vector3
        /// Mean square of the fast part of the specific force's magnitude, (m/s^2)^2.
        public var activityPower: Double

        public init(time: Double, gravity: Vector3, activityPower: Double) {
            self.time = time
            self.gravity = gravity
            self.activityPower = activityPower
        }

        /// RMS of the fast part of the specific force's magnitude, m/s^2.
        public var activity: Double { activityPower.squareRoot() }
    }

    /// Seconds, time constant of each of the two gravity stages (see the type's comment).
    public static let stageTimeConstant = 0.1
    /// Seconds, averaging time of the activity power: long enough to bridge the
    /// quiet part of a stride (walking cadence is about 1-2 Hz), short enough to see
    /// a walk start within a step.
    public static let activityTimeConstant = 0.5
    /// Seconds, the group delay of the gravity estimate at low frequency: the sum of
    /// the stage time constants.
    public static let delay = 2 * stageTimeConstant
    /// Seconds within which two sample intervals share one smoothing factor.
    static let stepTolerance = 1e-7
    /// 1 / (2 * 9.80665 m/s^2), for the magnitude difference.
    static let halfInverseGravity = 1 / (2 * 9.80665)

    private var first = Vector3.zero
    private var second = Vector3.zero
    private var power = 0.0
    /// Smoothing factors for the last interval `cachedStep` (both gravity stages share one).
    private var cachedStep = -1.0
    private var stageFactor = 0.0
    private var powerFactor = 0.0
    /// The factors for the interval before (`cachedStep`'s predecessor).
    private var otherStep = -1.0
    private var otherStageFactor = 0.0
    private var otherPowerFactor = 0.0

    public init() {}

    /// Feeds one sample; `restart` (the first sample, or the first after a gap) starts
    /// every filter afresh at this sample.
    @inline(__always)
    public mutating func update(_ sample: Sample, dt: Double, restart: Bool) -> Reading {
        if restart {
            first = sample.accel
            second = sample.accel
            power = 0
            return Reading(time: sample.time, gravity: sample.accel, activityPower: 0)
        }
        // Sample times parsed from text jitter in their last bits, and uneven sources
        // alternate between a few intervals (the AX3's ~103 Hz on a 0.1 ms clock), so
        // the factors for the last two intervals are kept, each matched within
        // `stepTolerance`: an interval 0.1 us away changes a factor by parts per million.
        if abs(dt - cachedStep) > Self.stepTolerance {
            if abs(dt - otherStep) <= Self.stepTolerance {
                swap(&cachedStep, &otherStep)
                swap(&stageFactor, &otherStageFactor)
                swap(&powerFactor, &otherPowerFactor)
            } else {
                otherStep = cachedStep
                otherStageFactor = stageFactor
                otherPowerFactor = powerFactor
                cachedStep = dt
                stageFactor = FastMath.smoothingFactor(dt: dt, timeConstant: Self.stageTimeConstant)
                // The activity average needs no precision (it is compared with a threshold
                // several times its quiet level): its factor is the first-order one.
                powerFactor = min(1, dt / Self.activityTimeConstant)
            }
        }
        // The two stages of `LowPassFilter`, inlined to share one factor.
        let a = sample.accel
        let k = stageFactor
        let g1 = Vector3(first.x + (a.x - first.x) * k, first.y + (a.y - first.y) * k, first.z + (a.z - first.z) * k)
        first = g1
        let g2 = Vector3(second.x + (g1.x - second.x) * k, second.y + (g1.y - second.y) * k, second.z + (g1.z - second.z) * k)
        second = g2
        // |a| - |g1|, from the squares to spare two square roots per sample: the two
        // magnitudes are both close to 1 g, so (|a|^2 - |g1|^2) / 2g is within 1%.
        let fast = (sample.accel.dot(sample.accel) - g1.dot(g1)) * Self.halfInverseGravity
        power += (fast * fast - power) * powerFactor
        let p = power
        return Reading(time: sample.time, gravity: g2, activityPower: p)
    }
}
