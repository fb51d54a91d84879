/// The few transcendental functions the pipeline needs, in pure Swift.
///
/// RepCountCore imports neither Foundation nor the C library, so that it builds
/// the same everywhere and gives bit-identical results on every platform (the
/// replay of a recording must match the live session). Each function is accurate
/// to far better than the sensor resolution (about 1e-9 relative); they run only
/// once per internal tick or when the sample interval changes, never in a tight loop.
public enum FastMath {
    /// Degrees per radian.
    public static let degreesPerRadian = 180 / Double.pi

    /// `exp(-x)` for `x >= 0`.
    ///
    /// Range reduction by halving (`exp(-x) = exp(-x/2^k)^(2^k)`) until the argument is
    /// below 1/8, then a degree-8 Taylor polynomial (truncation < 1e-13), then repeated
    /// squaring. Arguments above 700 return 0.
    @inlinable
    public static func expNegative(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        guard x < 700 else { return 0 }
        var y = x
        var squarings = 0
        while y > 0.125 {
            y *= 0.5
            squarings += 1
        }
        // e^-y = 1 - y + y^2/2 - ... (Horner form).
        var p = 1.0 - y / 8
        p = 1.0 - y / 7 * p
        p = 1.0 - y / 6 * p
        p = 1.0 - y / 5 * p
        p = 1.0 - y / 4 * p
        p = 1.0 - y / 3 * p
        p = 1.0 - y / 2 * p
        p = 1.0 - y * p
        for _ in 0..<squarings { p *= p }
        return p
    }

    /// The smoothing factor of a first-order low-pass with time constant `timeConstant`
    /// over a step of `dt` seconds (`LowPassFilter`).
    @inlinable
    public static func smoothingFactor(dt: Double, timeConstant: Double) -> Double {
        oneMinusExpNegative(dt / timeConstant)
    }

    /// `1 - exp(-x)` for `x >= 0`, without the cancellation of the direct form for small `x`:
    /// the smoothing factor of a first-order filter with time constant `tau` over `dt` is
    /// `oneMinusExpNegative(dt / tau)`. It runs once per sample when the sample interval
    /// jitters, so it is short: below x = 1/8 (dt up to 12 ms for a 0.1 s filter) the
    /// series to x^7 (relative truncation error below x^7/8! < 6e-11), multiplications
    /// by constant reciprocals only.
    @inlinable
    public static func oneMinusExpNegative(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if x > 0.125 { return 1 - expNegative(x) }
        // x - x^2/2! + x^3/3! - ... = x * (1 - x/2 * (1 - x/3 * (1 - ...))).
        var p = 1.0 - x * (1.0 / 7)
        p = 1.0 - x * (1.0 / 6) * p
        p = 1.0 - x * (1.0 / 5) * p
        p = 1.0 - x * (1.0 / 4) * p
        p = 1.0 - x * (1.0 / 3) * p
        p = 1.0 - x * 0.5 * p
        return x * p
    }

    /// `sin(x)` for `x` in [0, pi] radians (an angle between two directions).
    ///
    /// Folded onto [0, pi/2] by `sin(x) = sin(pi - x)`, then the Taylor series to x^13
    /// (Horner form), whose truncation there is below 1e-10.
    @inlinable
    public static func sinOfAngle(_ x: Double) -> Double {
        let a = min(max(x, 0), Double.pi)
        let y = a > Double.pi / 2 ? Double.pi - a : a
        let y2 = y * y
        var p = 1.0 - y2 / (12 * 13)
        p = 1.0 - y2 / (10 * 11) * p
        p = 1.0 - y2 / (8 * 9) * p
        p = 1.0 - y2 / (6 * 7) * p
        p = 1.0 - y2 / (4 * 5) * p
        p = 1.0 - y2 / (2 * 3) * p
        return y * p
    }

    /// `atan(x)` in radians.
    ///
    /// `|x| > 1` folds onto `pi/2 - atan(1/x)`, one halving (`atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))`)
    /// brings the argument below `tan(pi/8)`, and there an odd polynomial of degree 13,
    /// fitted by least squares on Chebyshev nodes, is accurate to 5e-12 (1e-11 after the halving).
    @inlinable
    public static func atan(_ x: Double) -> Double {
        let negative = x < 0
        var a = negative ? -x : x
        let inverted = a > 1
        if inverted { a = 1 / a }
        a = a / (1 + (1 + a * a).squareRoot())
        let a2 = a * a
        var s = 0.04577917777292181
        s = -0.08384325427210067 + a2 * s
        s = 0.11025166775266415 + a2 * s
        s = -0.14280025129352036 + a2 * s
        s = 0.19999806697657485 + a2 * s
        s = -0.3333333048466999 + a2 * s
        s = 0.999999999885314 + a2 * s
        var r = 2 * a * s
        if inverted { r = Double.pi / 2 - r }
        return negative ? -r : r
    }

    /// `atan2(y, x)` in radians, in (-pi, pi].
    @inlinable
    public static func atan2(_ y: Double, _ x: Double) -> Double {
        if x > 0 { return atan(y / x) }
        if x < 0 { return y >= 0 ? atan(y / x) + Double.pi : atan(y / x) - Double.pi }
        if y > 0 { return Double.pi / 2 }
        if y < 0 { return -Double.pi / 2 }
        return 0
    }

    /// The angle between two vectors in degrees, in [0, 180]; accurate at small angles,
    /// where `acos` of the normalised dot product is not.
    @inlinable
    public static func angleDegrees(_ a: Vector3, _ b: Vector3) -> Double {
        atan2(a.cross(b).length, a.dot(b)) * degreesPerRadian
    }
}
