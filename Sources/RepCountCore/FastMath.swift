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

    /// `1 - exp(-x)` for `x >= 0`, without the cancellation of the direct form for small `x`:
    /// the smoothing factor of a first-order filter with time constant `tau` over `dt` is
    /// `oneMinusExpNegative(dt / tau)`.
    @inlinable
    public static func oneMinusExpNegative(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if x > 0.125 { return 1 - expNegative(x) }
        // x - x^2/2 + x^3/6 - ... = x * (1 - x/2 * (1 - x/3 * (1 - ...))).
        var p = 1.0 - x / 9
        p = 1.0 - x / 8 * p
        p = 1.0 - x / 7 * p
        p = 1.0 - x / 6 * p
        p = 1.0 - x / 5 * p
        p = 1.0 - x / 4 * p
        p = 1.0 - x / 3 * p
        p = 1.0 - x / 2 * p
        return x * p
    }

    /// `atan(x)` in radians.
    ///
    /// Two argument halvings (`atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))`) after folding
    /// `|x| > 1` onto `pi/2 - atan(1/x)` bring the argument below `tan(pi/16) ~ 0.2`, where
    /// the odd Taylor series to x^15 is accurate to 1e-12.
    @inlinable
    public static func atan(_ x: Double) -> Double {
        let negative = x < 0
        var a = negative ? -x : x
        let inverted = a > 1
        if inverted { a = 1 / a }
        a = a / (1 + (1 + a * a).squareRoot())
        a = a / (1 + (1 + a * a).squareRoot())
        let a2 = a * a
        var s = -1.0 / 15
        s = 1.0 / 13 + a2 * s
        s = -1.0 / 11 + a2 * s
        s = 1.0 / 9 + a2 * s
        s = -1.0 / 7 + a2 * s
        s = 1.0 / 5 + a2 * s
        s = -1.0 / 3 + a2 * s
        s = 1.0 + a2 * s
        var r = 4 * a * s
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
