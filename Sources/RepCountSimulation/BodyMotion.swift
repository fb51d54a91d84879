#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore

/// The instrumented segment's motion over a whole session, evaluated at any time:
/// orientation, the strap's position, and the specific force it feels.
///
/// Built by `SessionBuilder`: keyframed channels (`Track`) carry the scripted
/// movements (reps, getting down, sitting up); `Disturbance`s add fidgets, gait
/// and effort (tremor, sway); breathing runs throughout.
public struct BodyMotion: Sendable {
    /// Standard gravity, m/s²; local g differs by < 0.3 %, well inside sensor scale error.
    public static let gravity = 9.80665
    /// Step for the central second difference of position, seconds. Small against
    /// the fastest modelled motion (tremor, ≤ 12 Hz: period 83 ms) so the
    /// truncation error is < 0.1 %, large enough that rounding stays < 1e-9 m/s².
    public static let differenceStep = 0.002

    public var pitch: Track
    public var roll: Track
    public var lean: Track
    public var heading: Track
    public var x: Track
    public var y: Track
    public var z: Track

    /// Where the strap sits relative to the segment's pivot joint, metres, segment frame.
    public var lever: Vector3

    /// Breathing: peak tilt in degrees, mean rate in Hz, depth of its slow
    /// rate modulation (fraction), modulation rate in Hz and phase.
    public var breathingAmplitude: Double
    public var breathingRate: Double
    public var breathingModulation: Double
    public var breathingModulationRate: Double
    public var breathingPhase: Double

    /// Always-present postural sway, degrees RMS, in the exercise's start posture
    /// (lying still is never perfectly still).
    public var restSway: Double
    /// Multiplier of `restSway` over time: standing against a wall sways the
    /// thigh less than lying with the knees up (set by the script per posture).
    public var swayLevel = Track(initial: 1)
    /// Always-present vibration at the strap from muscle tone and soft tissue, m/s² RMS.
    public var restTremor: Double

    public var tremorX: OscillatorBank
    public var tremorY: OscillatorBank
    public var tremorZ: OscillatorBank
    public var swayX: OscillatorBank
    public var swayY: OscillatorBank

    /// Disturbances sorted by start time.
    public private(set) var disturbances: [Disturbance] = []
    /// Longest disturbance, seconds, bounding the backward search in `value(at:)`.
    private var longestDisturbance = 0.0

    public init(start: BodyPose, lever: Vector3, random: inout SimulationRandom) {
        pitch = Track(initial: start.pitch)
        roll = Track(initial: start.roll)
        lean = Track(initial: start.lean)
        heading = Track(initial: start.heading)
        x = Track(initial: start.position.x)
        y = Track(initial: start.position.y)
        z = Track(initial: start.position.z)
        self.lever = lever
        breathingAmplitude = 0.2
        breathingRate = 0.25
        breathingModulation = 0.1
        breathingModulationRate = 0.02
        breathingPhase = random.uniform(0, 2 * .pi)
        restSway = 0.05
        restTremor = 0.03
        // Physiological tremor sits at 8-12 Hz, the shaking of tired large muscles
        // lower (MEx: 7-10 Hz in a shaky subject's legs, 3-6 Hz on all fours), and
        // soft tissue and small muscle twitches spread it over 2-20 Hz (the MEx
        // rest spectrum is nearly flat from 0.5 to 45 Hz);
        // postural sway and small corrections below ~4 Hz, more power in the slow part.
        tremorX = OscillatorBank(count: 8, band: 2...20, random: &random)
        tremorY = OscillatorBank(count: 8, band: 2...20, random: &random)
        tremorZ = OscillatorBank(count: 8, band: 2...20, random: &random)
        swayX = OscillatorBank(count: 12, band: 0.03...3, slope: 0.5, random: &random)
        swayY = OscillatorBank(count: 12, band: 0.03...3, slope: 0.5, random: &random)
    }

    /// The pose at the last key of the channels.
    public var lastPose: BodyPose {
        BodyPose(pitch: pitch.last, roll: roll.last, lean: lean.last, heading: heading.last,
                 position: Vector3(x.last, y.last, z.last))
    }

    /// Adds a key on every channel: the segment arrives at `pose` at `time`,
    /// moving from the previous key along a minimum-jerk path with `skew`.
    public mutating func key(_ pose: BodyPose, at time: Double, skew: Double = 0) {
        pitch.add(time: time, value: pose.pitch, skew: skew)
        roll.add(time: time, value: pose.roll, skew: skew)
        lean.add(time: time, value: pose.lean, skew: skew)
        heading.add(time: time, value: pose.heading, skew: skew)
        x.add(time: time, value: pose.position.x, skew: skew)
        y.add(time: time, value: pose.position.y, skew: skew)
        z.add(time: time, value: pose.position.z, skew: skew)
    }

    public mutating func add(_ d: Disturbance) {
        var i = disturbances.count
        while i > 0 && disturbances[i - 1].start > d.start { i -= 1 }
        disturbances.insert(d, at: i)
        longestDisturbance = max(longestDisturbance, d.end - d.start)
    }

    /// Segment-to-world rotation and the strap's world position at `t`.
    public func state(at t: Double) -> (rotation: Rotation, position: Vector3) {
        var p = BodyPose(pitch: pitch.value(at: t), roll: roll.value(at: t), lean: lean.value(at: t),
                         heading: heading.value(at: t), position: Vector3(x.value(at: t), y.value(at: t), z.value(at: t)))
        // Breathing: a slow rocking of the segment, its rate wandering a little.
        let phase = 2 * Double.pi * breathingRate * t + breathingPhase
            + breathingModulation * sin(2 * .pi * breathingModulationRate * t) / max(breathingModulationRate, 1e-6) * breathingRate
        p.pitch += breathingAmplitude * sin(phase)

        let level = restSway * swayLevel.value(at: t)
        var tiltX = level * swayX.value(at: t)
        var tiltY = level * swayY.value(at: t)
        var vibration = restTremor
        var jolt = 0.0
        // Disturbances active at t: scan back from the last one starting before t.
        var lo = 0, hi = disturbances.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if disturbances[mid].start <= t { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0 && disturbances[i].start >= t - longestDisturbance {
            let d = disturbances[i]
            i -= 1
            guard t < d.end else { continue }
            switch d.kind {
            case let .fidget(dp, dr, dl, shift):
                let tau = (t - d.start) / (d.end - d.start)
                let s = sin(Double.pi * tau)
                let w = s * s
                p.pitch += dp * w
                p.roll += dr * w
                p.lean += dl * w
                p.position += shift * w
            case let .gait(swing, bounce, strideHz, phase):
                let w = d.envelope(at: t, ramp: 0.8)
                let a = 2 * Double.pi * strideHz * (t - d.start) + phase
                p.pitch += w * swing * sin(a)
                p.position.z += w * bounce * cos(2 * a)
                p.lean += w * 0.2 * swing * sin(a + 0.5)
            case let .effort(tremor, sway, growth):
                let w = d.envelope(at: t, ramp: 0.6)
                let g = 1 + growth * (t - d.start) / 10
                tiltX += w * g * sway * swayX.value(at: t)
                tiltY += w * g * sway * swayY.value(at: t)
                vibration += w * g * tremor
            case let .impact(peak, frequencyHz, width):
                // A wave packet: an oscillation under a Gaussian envelope centred
                // `impactCentreWidths` widths after the start, so position, velocity and acceleration
                // all start from zero (an abrupt start would be an unbounded jerk).
                let tau = t - d.start - Disturbance.impactCentreWidths * width
                let omega = 2 * Double.pi * frequencyHz
                let envelope = exp(-(tau * tau) / (width * width))
                jolt -= peak / (omega * omega) * envelope * sin(omega * tau)
            }
        }
        let rotation = Rotation.aboutX(tiltX) * Rotation.aboutY(tiltY) * p.rotation
        let shake = Vector3(tremorX.displacement(at: t), tremorY.displacement(at: t), tremorZ.displacement(at: t)) * vibration
        return (rotation, p.position + rotation.apply(lever) + shake + Vector3(0, 0, jolt))
    }

    /// Specific force at the strap in the segment frame, m/s²: `Rᵀ · (g·ẑ + a)`,
    /// where `a` is the strap's linear acceleration from the central second
    /// difference of its position.
    public func specificForce(at t: Double) -> Vector3 {
        let h = Self.differenceStep
        let now = state(at: t)
        let before = state(at: t - h).position
        let after = state(at: t + h).position
        let accel = (after - now.position * 2 + before) * (1 / (h * h))
        return now.rotation.applyTransposed(Vector3(0, 0, Self.gravity) + accel)
    }
}
