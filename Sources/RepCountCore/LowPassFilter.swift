/// A first-order low-pass filter with a time constant, driven by the actual
/// interval between samples, so that 50 Hz and 400 Hz inputs give the same output.
///
/// `y += (x - y) * (1 - exp(-dt/tau))` is the exact discretisation of
/// `tau dy/dt = x - y` for an input held over `dt`. Its smoothing factor is cached
/// for the last `dt`, so a steady sample rate costs one multiply-add per axis.
public struct LowPassFilter: Sendable, Equatable {
    /// Time constant, seconds.
    public let timeConstant: Double
    /// The current output, `nil` until the first input.
    public private(set) var value: Vector3?

    private var cachedStep = -1.0
    private var cachedFactor = 0.0

    public init(timeConstant: Double) {
        precondition(timeConstant > 0, "time constant must be positive")
        self.timeConstant = timeConstant
    }

    /// The smoothing factor for a step of `dt` seconds.
    @inlinable
    public static func factor(dt: Double, timeConstant: Double) -> Double {
        FastMath.oneMinusExpNegative(dt / timeConstant)
    }

    /// Feeds `x` held over the last `dt` seconds and returns the new output.
    @inline(__always)
    public mutating func update(_ x: Vector3, dt: Double) -> Vector3 {
        guard let y = value else {
            value = x
            return x
        }
        if dt != cachedStep {
            cachedStep = dt
            cachedFactor = Self.factor(dt: dt, timeConstant: timeConstant)
        }
        let k = cachedFactor
        let next = Vector3(y.x + (x.x - y.x) * k, y.y + (x.y - y.y) * k, y.z + (x.z - y.z) * k)
        value = next
        return next
    }

    /// Restarts the filter at `x` (after a gap): no ramp is invented across it.
    public mutating func reset(to x: Vector3) {
        value = x
    }
}
