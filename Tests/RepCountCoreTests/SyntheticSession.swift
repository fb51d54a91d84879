import Foundation
import RepCountCore

/// Builds deterministic accelerometer sessions for the tests: a segment that
/// tilts from a rest pose along minimum-jerk ramps, seen by a sensor strapped at
/// any rotation, sampled at any rate with jitter, repeated stamps, gaps and noise.
struct SyntheticSession {
    /// One scripted movement of the segment.
    enum Segment {
        /// Stay at the current angles for `seconds`.
        case still(seconds: Double)
        /// Move to (`pitch`, `roll`) degrees over `seconds` (minimum-jerk profile).
        case move(pitch: Double, roll: Double, seconds: Double)
        /// Walk for `seconds`: footfall bounces of `bounce` m/s^2 at 2 Hz.
        case walk(seconds: Double, bounce: Double)
        /// Stay at the current angles for `seconds`, trembling: `amplitude` m/s^2 along the
        /// specific force at 8 Hz (a loaded muscle's tremor).
        case shake(seconds: Double, amplitude: Double)
    }

    /// Ground truth of one scripted rep.
    struct TrueRep {
        var start: Double, holdStart: Double, holdEnd: Double, end: Double
        var hold: Double { holdEnd - holdStart }
    }

    var segments: [Segment] = []
    /// Sensor-from-segment rotation (the strap's rotation), as Euler angles in degrees.
    var strap: (x: Double, y: Double, z: Double) = (0, 0, 0)
    var rateHz = 100.0
    /// Uniform timing jitter, fraction of the sample period.
    var jitter = 0.0
    /// Every n-th sample repeats the previous time stamp (0: never).
    var repeatEvery = 0
    /// Uniform noise per axis, m/s^2.
    var noise = 0.02
    /// (start, length) of dropped stretches, seconds.
    var gaps: [(Double, Double)] = []
    var seed: UInt64 = 42

    /// Appends a rep from a rest at pitch `base`: out to `base + pitch`/`roll` over `ramp` s,
    /// hold `hold` s, back over `ramp` s, then rest `rest` s. Returns the rep's true times
    /// given the script so far.
    @discardableResult
    mutating func rep(pitch: Double, roll: Double = 0, base: Double = 0, ramp: Double = 1.5, hold: Double, rest: Double) -> TrueRep {
        let t0 = duration
        segments.append(.move(pitch: base + pitch, roll: roll, seconds: ramp))
        segments.append(.still(seconds: hold))
        segments.append(.move(pitch: base, roll: 0, seconds: ramp))
        segments.append(.still(seconds: rest))
        return TrueRep(start: t0, holdStart: t0 + ramp, holdEnd: t0 + ramp + hold, end: t0 + 2 * ramp + hold)
    }

    var duration: Double {
        segments.reduce(0) { total, s in
            switch s {
            case let .still(d), let .move(_, _, d), let .walk(d, _), let .shake(d, _): total + d
            }
        }
    }

    /// Segment angles (pitch, roll in degrees) and extra bounce at time `t`.
    /// Progress of a minimum-jerk movement, 0 to 1, at `x` of its duration (clamped).
    static func minimumJerk(_ x: Double) -> Double {
        let c = min(max(x, 0), 1)
        return c * c * c * (10 + c * (-15 + 6 * c))
    }

    func pose(at t: Double) -> (pitch: Double, roll: Double, bounce: Double) {
        var pitch = 0.0, roll = 0.0, t0 = 0.0
        for s in segments {
            switch s {
            case let .still(d):
                if t < t0 + d { return (pitch, roll, 0) }
                t0 += d
            case let .move(p, r, d):
                if t < t0 + d {
                    let k = Self.minimumJerk((t - t0) / d)
                    return (pitch + (p - pitch) * k, roll + (r - roll) * k, 0)
                }
                pitch = p
                roll = r
                t0 += d
            case let .walk(d, b):
                if t < t0 + d { return (pitch + 15 * sin(2 * .pi * 1.0 * (t - t0)), roll, b * sin(2 * .pi * 2 * (t - t0))) }
                t0 += d
            case let .shake(d, a):
                if t < t0 + d { return (pitch, roll, a * sin(2 * .pi * 8 * (t - t0))) }
                t0 += d
            }
        }
        return (pitch, roll, 0)
    }

    /// The specific force (m/s^2, sensor frame) for a segment at `pitch`/`roll` degrees.
    func specificForce(pitch: Double, roll: Double, bounce: Double) -> Vector3 {
        let p = pitch * .pi / 180, r = roll * .pi / 180
        // Gravity "up" in the segment frame after pitch about x then roll about y.
        var v = (x: sin(r) * cos(p), y: sin(p), z: cos(r) * cos(p))
        let g = 9.80665 + bounce
        v = (v.x * g, v.y * g, v.z * g)
        // The strap's rotation: about x, then y, then z.
        let (ax, ay, az) = (strap.x * .pi / 180, strap.y * .pi / 180, strap.z * .pi / 180)
        var w = (x: v.x, y: v.y * cos(ax) - v.z * sin(ax), z: v.y * sin(ax) + v.z * cos(ax))
        w = (x: w.x * cos(ay) + w.z * sin(ay), y: w.y, z: -w.x * sin(ay) + w.z * cos(ay))
        w = (x: w.x * cos(az) - w.y * sin(az), y: w.x * sin(az) + w.y * cos(az), z: w.z)
        return Vector3(w.x, w.y, w.z)
    }

    /// All samples of the session.
    func samples() -> [Sample] {
        var rng = seed
        func uniform() -> Double {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Double(rng >> 11) / Double(1 << 53)
        }
        var out: [Sample] = []
        let period = 1 / rateHz
        let n = Int(duration * rateHz)
        var lastTime = 0.0
        for i in 0..<n {
            var t = Double(i) * period + (uniform() - 0.5) * jitter * period
            t = max(t, lastTime)
            if repeatEvery > 0, i % repeatEvery == 0, i > 0 { t = lastTime }
            if gaps.contains(where: { t >= $0.0 && t < $0.0 + $0.1 }) { continue }
            lastTime = t
            let pose = pose(at: t)
            var f = specificForce(pitch: pose.pitch, roll: pose.roll, bounce: pose.bounce)
            f = Vector3(f.x + (uniform() - 0.5) * 2 * noise, f.y + (uniform() - 0.5) * 2 * noise, f.z + (uniform() - 0.5) * 2 * noise)
            out.append(Sample(time: t, accel: f))
        }
        return out
    }

    /// Runs `samples()` through a pipeline and collects its events.
    func run(_ configuration: PipelineConfiguration) -> [PipelineEvent] {
        var pipeline = Pipeline(configuration: configuration)
        var events: [PipelineEvent] = []
        for s in samples() { pipeline.process(s) { events.append($0) } }
        pipeline.finish { events.append($0) }
        return events
    }
}

extension Array where Element == PipelineEvent {
    var reps: [Rep] { compactMap { if case let .rep(r) = $0 { r } else { nil } } }
    var sets: [SetSummary] { compactMap { if case let .setEnded(s) = $0 { s } else { nil } } }
}
