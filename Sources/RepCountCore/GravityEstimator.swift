/// Separates gravity (the slow part of the specific force, which gives the
/// segment's orientation) from motion (the fast part), sample by sample.
///
/// Two cascaded first-order low-passes give the gravity estimate: exercise
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
    /// 1 / (2 * 9.80665 m/s^2), for the magnitude difference.
    static let halfInverseGravity = 1 / (2 * 9.80665)

    private var first = LowPassFilter(timeConstant: GravityEstimator.stageTimeConstant)
    private var second = LowPassFilter(timeConstant: GravityEstimator.stageTimeConstant)
    private var power = ScalarLowPassFilter(timeConstant: GravityEstimator.activityTimeConstant)

    public init() {}

    /// Feeds one sample; `restart` (the first sample, or the first after a gap) starts
    /// every filter afresh at this sample.
    @inline(__always)
    public mutating func update(_ sample: Sample, dt: Double, restart: Bool) -> Reading {
        if restart {
            first.reset(to: sample.accel)
            second.reset(to: sample.accel)
            power.reset(to: 0)
            return Reading(time: sample.time, gravity: sample.accel, activityPower: 0)
        }
        let g1 = first.update(sample.accel, dt: dt)
        let g2 = second.update(g1, dt: dt)
        // |a| - |g1|, from the squares to spare two square roots per sample: the two
        // magnitudes are both close to 1 g, so (|a|^2 - |g1|^2) / 2g is within 1%.
        let fast = (sample.accel.dot(sample.accel) - g1.dot(g1)) * Self.halfInverseGravity
        let p = power.update(fast * fast, dt: dt)
        return Reading(time: sample.time, gravity: g2, activityPower: p)
    }
}
