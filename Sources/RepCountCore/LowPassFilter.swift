/// A first-order low-pass filter with a time constant, driven by the actual
/// interval between samples, so that 50 Hz and 400 Hz inputs give the same output.
///
/// `y += (x - y) * (1 - exp(-dt/tau))` is the exact discretisation of
/// `tau dy/dt = x - y` for an input held over `dt`. Its smoothing factor is cached
/// for the last `dt`, so a steady sample rate costs one multiply-add per component.
/// One filter for scalars and vectors (`Smoothable`).
public struct LowPassFilter<Value: Smoothable>: Sendable, Equatable {
    /// Time constant, seconds.
    public let timeConstant: Double
    /// The current output, `nil` until the first input.
    public private(set) var value: Value?

    private var cachedStep = -1.0
    private var cachedFactor = 0.0

    public init(timeConstant: Double) {
        precondition(timeConstant > 0, "time constant must be positive")
        self.timeConstant = timeConstant
    }

    /// Feeds `x` held over the last `dt` seconds and returns the new output.
    @inline(__always)
    public mutating func update(_ x: Value, dt: Double) -> Value {
        guard let y = value else {
            value = x
            return x
        }
        if dt != cachedStep {
            cachedStep = dt
            cachedFactor = FastMath.smoothingFactor(dt: dt, timeConstant: timeConstant)
        }
        let next = y.moved(toward: x, by: cachedFactor)
        value = next
        return next
    }

    /// Restarts the filter at `x` (after a gap): no ramp is invented across it.
    public mutating func reset(to x: Value) {
        value = x
    }
}

/// A value a `LowPassFilter` can smooth: one that can move part of the way to another.
public protocol Smoothable: Sendable, Equatable {
    /// `self + (x - self) * k`.
    func moved(toward x: Self, by k: Double) -> Self
}

extension Double: Smoothable {
    @inline(__always)
    public func moved(toward x: Double, by k: Double) -> Double { self + (x - self) * k }
}

extension Vector3: Smoothable {
    @inline(__always)
    public func moved(toward v: Vector3, by k: Double) -> Vector3 {
        Vector3(x + (v.x - x) * k, y + (v.y - y) * k, z + (v.z - z) * k)
    }
}
