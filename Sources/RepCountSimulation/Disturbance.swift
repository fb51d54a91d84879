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
        /// Muscular effort (a held pose): physiological tremor, `tremor` m/s² RMS
        /// of vibration at the strap, and postural sway, `sway` degrees RMS, both
        /// growing by the fraction `growth` per 10 s held (fatigue).
        case effort(tremor: Double, sway: Double, growth: Double)
        /// A jolt: the hips or knee landing on the mat. A brief oscillation of the
        /// soft tissue under the strap, about `peak` m/s² at `frequencyHz`, under a
        /// Gaussian envelope `width` seconds wide, centred `impactCentreWidths` widths
        /// after the start (make one with `Disturbance.impact`, which sets the end).
        case impact(peak: Double, frequencyHz: Double, width: Double)
    }

    public var start: Double
    public var end: Double
    public var kind: Kind

    public init(start: Double, end: Double, kind: Kind) {
        self.start = start
        self.end = max(end, start)
        self.kind = kind
    }

    /// Where an impact's Gaussian envelope is centred, in envelope widths after
    /// the disturbance's start; the disturbance lasts twice that. At 3.5 widths
    /// from the centre the envelope is e^(-3.5²) ≈ 5·10⁻⁶, so the wave starts
    /// and ends at rest.
    static let impactCentreWidths = 3.5

    /// A jolt (`Kind.impact`) starting at `start`, lasting `2 · impactCentreWidths`
    /// envelope widths.
    static func impact(start: Double, peak: Double, frequencyHz: Double, width: Double) -> Disturbance {
        Disturbance(start: start, end: start + 2 * impactCentreWidths * width,
                    kind: .impact(peak: peak, frequencyHz: frequencyHz, width: width))
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
