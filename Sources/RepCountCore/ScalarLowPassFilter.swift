/// The scalar twin of `LowPassFilter`: a first-order low-pass with a time
/// constant, driven by the actual sample interval.
public struct ScalarLowPassFilter: Sendable, Equatable {
    /// Time constant, seconds.
    public let timeConstant: Double
    /// The current output, `nil` until the first input.
    public private(set) var value: Double?

    private var cachedStep = -1.0
    private var cachedFactor = 0.0

    public init(timeConstant: Double) {
        precondition(timeConstant > 0, "time constant must be positive")
        self.timeConstant = timeConstant
    }

    /// Feeds `x` held over the last `dt` seconds and returns the new output.
    @inline(__always)
    public mutating func update(_ x: Double, dt: Double) -> Double {
        guard let y = value else {
            value = x
            return x
        }
        if dt != cachedStep {
            cachedStep = dt
            cachedFactor = LowPassFilter.factor(dt: dt, timeConstant: timeConstant)
        }
        let next = y + (x - y) * cachedFactor
        value = next
        return next
    }

    /// Restarts the filter at `x`.
    public mutating func reset(to x: Double) {
        value = x
    }
}
