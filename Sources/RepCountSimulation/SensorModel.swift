import RepCountCore

/// One physical sensor as strapped on: its mounting rotation on the segment and
/// the error model of its part, drawn once per recording.
///
/// reading = quantise(clip(S · (I + C) · Mᵀ f + b + d·t + n)), where f is the
/// specific force in the segment frame, M the mounting rotation, S the per-axis
/// scale, C the cross-axis coupling, b the bias, d a slow bias drift (warm-up),
/// n white noise.
public struct SensorModel: Sendable {
    public var device: SensorDevice
    /// Sensor-to-segment rotation at the start: the strap may sit any way round.
    public var mount: Rotation
    /// Later turns of the strap on the limb, in time order.
    public var slips: [StrapSlip] = []
    /// Per-axis scale (1 + error).
    public var scale: Vector3
    /// Cross-axis coupling rows (off-diagonal terms of C), fractions.
    public var cross: Rotation
    /// Bias, m/s².
    public var bias: Vector3
    /// Bias drift, m/s² per minute (temperature after power-up).
    public var drift: Vector3
    /// White noise standard deviation per axis at the sample rate, m/s².
    public var noise: Vector3
    /// Quantisation step, m/s².
    public var lsb: Double
    /// Clipping limit, m/s².
    public var range: Double

    /// Largest bias drift drawn, m/s² per minute: MEMS offsets move ~0.1-1 mg/°C
    /// and a strap warms by a few °C against the skin in the first minutes.
    public static let maximumDrift = 0.006

    public init(device: SensorDevice, sampleRate: Double, random: inout SimulationRandom) {
        let g = BodyMotion.gravity
        self.device = device
        mount = Rotation.uniform(using: &random)
        func scaleFactor() -> Double { 1 + random.normal(0, device.scaleError, clampedTo: 2) }
        scale = Vector3(scaleFactor(), scaleFactor(), scaleFactor())
        func c() -> Double { random.normal(0, device.crossAxis, clampedTo: 2) }
        cross = Rotation(rows: Vector3(0, c(), c()), Vector3(c(), 0, c()), Vector3(c(), c(), 0))
        func b() -> Double { random.normal(0, device.zeroGOffsetG * g, clampedTo: 2.5) }
        bias = Vector3(b(), b(), b())
        func d() -> Double { random.uniform(-Self.maximumDrift, Self.maximumDrift) }
        drift = Vector3(d(), d(), d())
        // Noise over the part's bandwidth, taken as half the output data rate.
        let sigma = device.noiseDensity * 1e-6 * g * (sampleRate / 2).squareRoot()
        noise = Vector3(sigma, sigma, sigma * device.zNoiseFactor)
        lsb = device.lsbG * g
        range = device.rangeG * g
    }

    /// The sensor-to-segment rotation at `t`, after the slips so far.
    public func mount(at t: Double) -> Rotation {
        var m = mount
        for slip in slips where t > slip.start {
            m = m * Rotation.about(axis: slip.axis, degrees: slip.degrees * slip.progress(at: t))
        }
        return m
    }

    /// The reading for segment-frame specific force `f` at time `t` (seconds).
    public func read(_ f: Vector3, at t: Double, random: inout SimulationRandom) -> Vector3 {
        let s = mount(at: t).applyTransposed(f)
        let coupled = s + cross.apply(s)
        let minutes = t / 60
        func axis(_ v: Double, _ k: Double, _ b: Double, _ d: Double, _ n: Double) -> Double {
            var r = v * k + b + d * minutes + n * random.normal()
            r = Swift.max(-range, Swift.min(range, r))
            return (r / lsb).rounded() * lsb
        }
        return Vector3(axis(coupled.x, scale.x, bias.x, drift.x, noise.x),
                       axis(coupled.y, scale.y, bias.y, drift.y, noise.y),
                       axis(coupled.z, scale.z, bias.z, drift.z, noise.z))
    }
}
