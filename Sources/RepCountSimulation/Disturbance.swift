#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore

/// A time-limited addition to the body's motion that the session script does not
/// label: a fidget, a walking bout, or a stretch of effort that brings tremor
/// and sway.
public struct Disturbance: Sendable {
    public enum Kind: Sendable {
        /// A smooth out-and-back bump (`sin²` shape) of the given size: adjusting
        /// the strap, scratching, shifting weight, a cough.
        case fidget(pitch: Double, roll: Double, lean: Double, shift: Vector3)
        /// Walking: the segment swings at the stride frequency and bounces twice
        /// per stride. `swing` degrees peak, `bounce` metres peak, `strideHz` Hz.
        case gait(swing: Double, bounce: Double, strideHz: Double, phase: Double)
        /// Muscular effort (a held pose): physiological tremor and postural sway,
        /// `tremor` and `sway` in degrees peak at the start, growing by the factor
        /// `growth` per 10 s held (fatigue).
        case effort(tremor: Double, sway: Double, growth: Double)
    }

    public var start: Double
    public var end: Double
    public var kind: Kind

    public init(start: Double, end: Double, kind: Kind) {
        self.start = start
        self.end = max(end, start)
        self.kind = kind
    }

    /// Smooth on/off weight: 0 outside, ramping over `ramp` seconds at each end.
    func envelope(at t: Double, ramp: Double) -> Double {
        if t <= start || t >= end { return 0 }
        let r = min(ramp, (end - start) / 2)
        if r <= 0 { return 1 }
        if t < start + r { return MinimumJerk.progress((t - start) / r) }
        if t > end - r { return MinimumJerk.progress((end - t) / r) }
        return 1
    }
}

/// Frequencies and phases of the tremor and sway oscillators, fixed per recording.
public struct OscillatorBank: Sendable {
    /// (frequency Hz, phase rad, weight) per component.
    public var components: [(Double, Double, Double)]

    /// `count` components with frequencies uniform in `band` and weights normalised
    /// so that the sum has unit peak-ish amplitude (sum of weights = 1).
    public init(count: Int, band: ClosedRange<Double>, random: inout SimulationRandom) {
        var c: [(Double, Double, Double)] = []
        for _ in 0..<count {
            c.append((random.uniform(band.lowerBound, band.upperBound), random.uniform(0, 2 * .pi), random.uniform(0.5, 1)))
        }
        let total = c.reduce(0) { $0 + $1.2 }
        components = c.map { ($0.0, $0.1, $0.2 / total) }
    }

    /// The bank's value at `t`: a quasi-periodic signal within about ±1.
    public func value(at t: Double) -> Double {
        var s = 0.0
        for (f, p, w) in components { s += w * sin(2 * .pi * f * t + p) }
        return s
    }
}
