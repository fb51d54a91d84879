#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frequencies and phases of the tremor and sway oscillators, fixed per recording.
public struct OscillatorBank: Sendable {
    /// (frequency Hz, phase rad, weight) per component.
    public var components: [(Double, Double, Double)]

    /// `count` components with frequencies spread log-uniformly over `band`,
    /// weights falling as `f^-slope` (slow drifts larger than fast ones, as in
    /// postural sway), normalised so the sum has unit RMS.
    public init(count: Int, band: ClosedRange<Double>, slope: Double = 0, random: inout SimulationRandom) {
        var c: [(Double, Double, Double)] = []
        let lo = log(band.lowerBound), hi = log(band.upperBound)
        for _ in 0..<count {
            let f = exp(random.uniform(lo, hi))
            c.append((f, random.uniform(0, 2 * .pi), random.uniform(0.5, 1) * pow(f, -slope)))
        }
        let rms = (c.reduce(0) { $0 + $1.2 * $1.2 } / 2).squareRoot()
        components = c.map { ($0.0, $0.1, $0.2 / rms) }
    }

    /// A displacement whose second derivative is `value(at:)`: used to put a
    /// vibration in the strap's acceleration without tilting it.
    public func displacement(at t: Double) -> Double {
        var s = 0.0
        for (f, p, w) in components {
            let omega = 2 * Double.pi * f
            s -= w / (omega * omega) * sin(omega * t + p)
        }
        return s
    }

    /// The bank's value at `t`: a quasi-periodic signal within about ±1.
    public func value(at t: Double) -> Double {
        var s = 0.0
        for (f, p, w) in components { s += w * sin(2 * .pi * f * t + p) }
        return s
    }
}
