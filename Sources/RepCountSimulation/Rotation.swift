#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore

/// A rotation as a 3x3 matrix (rows `r0`, `r1`, `r2`) mapping a body or sensor
/// frame into the world frame (x forward, y left, z up).
public struct Rotation: Sendable, Equatable {
    public var r0: Vector3
    public var r1: Vector3
    public var r2: Vector3

    public init(rows r0: Vector3, _ r1: Vector3, _ r2: Vector3) {
        self.r0 = r0
        self.r1 = r1
        self.r2 = r2
    }

    public static let identity = Rotation(rows: Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))

    /// Rotation by `degrees` about the x axis (right-handed).
    public static func aboutX(_ degrees: Double) -> Rotation {
        let a = degrees * .pi / 180, c = cos(a), s = sin(a)
        return Rotation(rows: Vector3(1, 0, 0), Vector3(0, c, -s), Vector3(0, s, c))
    }

    /// Rotation by `degrees` about the y axis (right-handed).
    public static func aboutY(_ degrees: Double) -> Rotation {
        let a = degrees * .pi / 180, c = cos(a), s = sin(a)
        return Rotation(rows: Vector3(c, 0, s), Vector3(0, 1, 0), Vector3(-s, 0, c))
    }

    /// Rotation by `degrees` about the z axis (right-handed).
    public static func aboutZ(_ degrees: Double) -> Rotation {
        let a = degrees * .pi / 180, c = cos(a), s = sin(a)
        return Rotation(rows: Vector3(c, -s, 0), Vector3(s, c, 0), Vector3(0, 0, 1))
    }

    /// Rotation by `degrees` about the unit vector `axis` (Rodrigues' formula).
    public static func about(axis k: Vector3, degrees: Double) -> Rotation {
        let a = degrees * .pi / 180, c = cos(a), s = sin(a), v = 1 - c
        return Rotation(
            rows: Vector3(c + k.x * k.x * v, k.x * k.y * v - k.z * s, k.x * k.z * v + k.y * s),
            Vector3(k.y * k.x * v + k.z * s, c + k.y * k.y * v, k.y * k.z * v - k.x * s),
            Vector3(k.z * k.x * v - k.y * s, k.z * k.y * v + k.x * s, c + k.z * k.z * v))
    }

    /// A rotation drawn uniformly over all orientations (a random unit quaternion
    /// from four normal deviates): how a strap may sit on a limb.
    public static func uniform(using random: inout SimulationRandom) -> Rotation {
        var w = 0.0, x = 0.0, y = 0.0, z = 0.0, n = 0.0
        repeat {
            w = random.normal(); x = random.normal(); y = random.normal(); z = random.normal()
            n = (w * w + x * x + y * y + z * z).squareRoot()
        } while n < 1e-6
        w /= n; x /= n; y /= n; z /= n
        return Rotation(
            rows: Vector3(1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)),
            Vector3(2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)),
            Vector3(2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)))
    }

    /// `self · v`: a body-frame vector expressed in the world frame.
    @inlinable public func apply(_ v: Vector3) -> Vector3 { Vector3(r0.dot(v), r1.dot(v), r2.dot(v)) }

    /// `selfᵀ · v`: a world-frame vector expressed in the body frame.
    @inlinable public func applyTransposed(_ v: Vector3) -> Vector3 { r0 * v.x + r1 * v.y + r2 * v.z }

    /// The transpose (the inverse rotation).
    public var transposed: Rotation {
        Rotation(rows: Vector3(r0.x, r1.x, r2.x), Vector3(r0.y, r1.y, r2.y), Vector3(r0.z, r1.z, r2.z))
    }

    /// Matrix product `a · b` (apply `b` first).
    public static func * (a: Rotation, b: Rotation) -> Rotation {
        let bt = b.transposed
        return Rotation(
            rows: Vector3(a.r0.dot(bt.r0), a.r0.dot(bt.r1), a.r0.dot(bt.r2)),
            Vector3(a.r1.dot(bt.r0), a.r1.dot(bt.r1), a.r1.dot(bt.r2)),
            Vector3(a.r2.dot(bt.r0), a.r2.dot(bt.r1), a.r2.dot(bt.r2)))
    }
}
