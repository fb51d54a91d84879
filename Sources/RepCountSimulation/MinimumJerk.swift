/// The smooth point-to-point profile of a voluntary movement.
///
/// Flash and Hogan (1985) showed that unconstrained reaching follows the
/// minimum-jerk polynomial `10τ³ − 15τ⁴ + 6τ⁵`: zero velocity and acceleration
/// at both ends, a bell-shaped speed. Real people are not that tidy, so a
/// `skew` warps time (`τ + skew·τ(1−τ)`) to move the speed peak earlier
/// (skew > 0) or later (skew < 0) while keeping both ends at rest.
public enum MinimumJerk {
    /// Largest skew that keeps the warp monotonic with a non-zero start slope.
    public static let maximumSkew = 0.6

    /// Progress in [0, 1] at normalised time `tau` in [0, 1].
    @inlinable
    public static func progress(_ tau: Double, skew: Double = 0) -> Double {
        let t = tau <= 0 ? 0 : (tau >= 1 ? 1 : tau)
        let w = t + skew * t * (1 - t)
        return w * w * w * (10 + w * (-15 + 6 * w))
    }
}
