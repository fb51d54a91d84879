import Foundation
import RepCountCore
import RepCountRecording

/// A deterministic, roughly realistic bridge session generator for the
/// benchmark: a thigh-strapped accelerometer, mounted at a random rotation,
/// over hours of repeated sessions (settling in, sets of held reps with
/// human variation, rests with fidgets, a posture change between sessions),
/// with tremor, breathing, sensor noise, bias, quantisation, timestamp jitter
/// and dropped samples.
///
/// It exists so the benchmark has a large file that makes the pipeline do
/// real work; the project's physically based simulator, which makes the
/// labelled recordings, is a separate tool.
struct SignalGenerator {
    /// Standard gravity, m/s^2.
    static let gravity = 9.80665
    /// Distance from the hip to the strap, m: turns angular acceleration into
    /// the tangential acceleration the sensor also feels.
    static let strapRadius = 0.25
    /// White noise of a small MEMS accelerometer at 100 Hz, m/s^2 (1 sigma).
    static let noiseSigma = 0.04
    /// Output resolution of an ADXL345 at +-2 g: 3.9 mg per count, in m/s^2.
    static let quantum = 0.0039 * gravity
    /// Largest per-axis bias after calibration, m/s^2.
    static let maxBias = 0.15
    /// Timestamp jitter as a fraction of the sample period (uniform, +-).
    static let jitterFraction = 0.1
    /// Probability that a sample is dropped.
    static let dropProbability = 0.001

    let rate: Double
    private var rng: SplitMix64
    /// Sensor-from-body rotation, by rows.
    private let mount: (Vector3, Vector3, Vector3)
    private let bias: Vector3
    private var index = 0
    private var segment = Segment(start: 0, end: 0, from: 0, to: 0, kind: .still, tremor: 0)
    private var script = Script.settle(session: 0)

    init(rate: Double, seed: UInt64) {
        self.rate = rate
        var rng = SplitMix64(seed: seed)
        mount = Self.randomRotation(&rng)
        bias = Vector3(
            rng.uniform(-Self.maxBias, Self.maxBias), rng.uniform(-Self.maxBias, Self.maxBias),
            rng.uniform(-Self.maxBias, Self.maxBias))
        self.rng = rng
    }

    /// The next sample (some indices are skipped: dropped samples).
    mutating func next() -> Sample {
        while true {
            let i = index
            index += 1
            if rng.unit() < Self.dropProbability { continue }
            let nominal = Double(i) / rate
            let t = max(0, nominal + rng.uniform(-Self.jitterFraction, Self.jitterFraction) / rate)
            return sample(at: t)
        }
    }

    private mutating func sample(at t: Double) -> Sample {
        while t >= segment.end { advance() }
        let (angle, angularAcceleration) = segment.angle(at: t)
        // Breathing moves the pelvis and so the thigh a little, always.
        let breathing = 0.3 * sin(2 * .pi * 0.25 * t)
        let tremor = segment.tremor * sin(2 * .pi * 9.0 * t)
        let theta = (angle + breathing + tremor) * .pi / 180
        let body = Vector3(0, Self.gravity * sin(theta) + Self.strapRadius * angularAcceleration, Self.gravity * cos(theta))
        let f = Vector3(mount.0.dot(body), mount.1.dot(body), mount.2.dot(body)) + bias
        return Sample(time: t, x: quantise(f.x), y: quantise(f.y), z: quantise(f.z))
    }

    private mutating func quantise(_ v: Double) -> Double {
        ((v + rng.gaussian() * Self.noiseSigma) / Self.quantum).rounded() * Self.quantum
    }

    // MARK: The session script

    /// What the simulated person does next.
    private enum Script {
        case settle(session: Int)
        case rep(session: Int, set: Int, rep: Int, reps: Int)
        case setRest(session: Int, set: Int)
        case sessionBreak(session: Int)
    }

    private struct Segment {
        enum Kind { case still, ramp }
        var start: Double
        var end: Double
        var from: Double
        var to: Double
        var kind: Kind
        /// Tremor amplitude, degrees (long holds shake).
        var tremor: Double
        /// What this segment means for the ground truth.
        var role: Role = .none

        enum Role { case none, up, hold, down, setBreak }

        /// Angle in degrees and angular acceleration in rad/s^2 at `t`.
        func angle(at t: Double) -> (Double, Double) {
            guard kind == .ramp else { return (to, 0) }
            let duration = end - start
            let u = (t - start) / duration
            // A raised-cosine ramp: smooth start and stop, as a controlled movement.
            let angle = from + (to - from) * (1 - cos(.pi * u)) / 2
            let accel = (to - from) * .pi / 180 * .pi * .pi / (2 * duration * duration) * cos(.pi * u)
            return (angle, accel)
        }
    }

    /// Makes the next planned segment current, planning more when none is left.
    private mutating func advance() {
        if segmentQueue.isEmpty { plan() }
        let next = segmentQueue.removeFirst()
        // Segments are queued with durations; chain them on the time axis here.
        segment = Segment(
            start: segment.end, end: segment.end + next.end, from: segment.to, to: next.to, kind: next.kind,
            tremor: next.tremor, role: next.role)
        record(segment)
    }

    // MARK: Ground truth

    /// The reps generated so far, by set, as labels record them.
    private(set) var sets: [[Labels.LabelledRep]] = [[]]
    private var repInProgress: Labels.LabelledRep?

    private mutating func record(_ s: Segment) {
        switch s.role {
        case .up:
            repInProgress = Labels.LabelledRep(start: s.start, holdStart: s.end, holdEnd: s.end, end: s.end, side: nil)
        case .hold:
            repInProgress?.holdEnd = s.end
        case .down:
            guard var rep = repInProgress else { return }
            rep.end = s.end
            sets[sets.count - 1].append(rep)
            repInProgress = nil
        case .setBreak:
            if !(sets.last?.isEmpty ?? true) { sets.append([]) }
        case .none:
            break
        }
    }

    /// Labels for the recording cut at `duration` seconds: reps that ended before it.
    func labels(until duration: Double) -> Labels {
        let kept = sets.map { $0.filter { $0.end < duration } }.filter { !$0.isEmpty }
        return Labels(exercise: .bridge, placement: .thigh, sets: kept.map { Labels.LabelledSet(reps: $0) })
    }

    /// Queues what the person does next and moves the script on.
    private mutating func plan() {
        switch script {
        case let .settle(session):
            // Moves into position after the recording starts, then lies still.
            let level = rng.uniform(-2, 2)
            enqueue([(rng.uniform(2, 4), level, true, 0, .none), (rng.uniform(8, 20), level, false, 0, .none)])
            script = .rep(session: session, set: 1, rep: 1, reps: Int(rng.uniform(8, 13)))
        case let .rep(session, set, rep, reps):
            planRep()
            if rep < reps {
                script = .rep(session: session, set: set, rep: rep + 1, reps: reps)
            } else if set < 3 {
                script = .setRest(session: session, set: set)
            } else {
                script = .sessionBreak(session: session)
            }
        case let .setRest(session, set):
            planSetRest()
            script = .rep(session: session, set: set + 1, rep: 1, reps: Int(rng.uniform(8, 13)))
        case let .sessionBreak(session):
            planSessionBreak()
            script = .settle(session: session + 1)
        }
    }

    private mutating func planRep() {
        let peak = rng.uniform(14, 26)
        let hold = max(1, 6 + rng.gaussian() * 1.2)
        let rest = rng.uniform(0, 1.5)
        enqueue([
            (rng.uniform(1, 2.5), peak, true, 0, .up),
            // The hold drifts a little (a slow ramp to a nearby angle) and shakes.
            (hold, peak + rng.uniform(-1.5, 1.5), true, rng.uniform(0.1, 0.6), .hold),
            (rng.uniform(1, 2.5), rest, true, 0, .down),
            (rng.uniform(2, 6), rest, false, 0, .none),
        ])
    }

    private mutating func planSetRest() {
        let level = rng.uniform(-2, 2)
        enqueue([
            (rng.uniform(20, 40), level, false, 0, .setBreak),
            (0.8, level + rng.uniform(3, 8), true, 0, .none),  // a fidget
            (0.8, level, true, 0, .none),
            (rng.uniform(25, 45), level, false, 0, .none),
        ])
    }

    private mutating func planSessionBreak() {
        // Sits up (a large posture change), stays a while, lies down again.
        let up = rng.uniform(60, 80)
        enqueue([
            (rng.uniform(2, 4), up, true, 0, .setBreak),
            (rng.uniform(60, 180), up, false, 0.2, .none),
            (rng.uniform(2, 4), 0, true, 0, .none),
        ])
    }

    private var segmentQueue: [Segment] = []

    /// Queues parts of (duration s, target angle degrees, ramp or still, tremor degrees, role).
    private mutating func enqueue(_ parts: [(Double, Double, Bool, Double, Segment.Role)]) {
        for (duration, angle, ramp, tremor, role) in parts {
            segmentQueue.append(
                Segment(start: 0, end: duration, from: 0, to: angle, kind: ramp ? .ramp : .still, tremor: tremor, role: role))
        }
    }

    // MARK: Random helpers

    private static func randomRotation(_ rng: inout SplitMix64) -> (Vector3, Vector3, Vector3) {
        // A uniformly random unit quaternion (Shoemake), as a rotation matrix.
        let u1 = rng.unit(), u2 = rng.unit() * 2 * .pi, u3 = rng.unit() * 2 * .pi
        let a = (1 - u1).squareRoot(), b = u1.squareRoot()
        let (w, x, y, z) = (a * sin(u2), a * cos(u2), b * sin(u3), b * cos(u3))
        return (
            Vector3(1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)),
            Vector3(2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)),
            Vector3(2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y))
        )
    }
}

/// SplitMix64: small, fast, and the same sequence on every machine.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// Standard normal (Box-Muller).
    mutating func gaussian() -> Double {
        let u = max(unit(), 1e-300)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * unit())
    }
}
