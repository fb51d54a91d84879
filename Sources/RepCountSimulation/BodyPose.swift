import RepCountCore

/// The pose of the instrumented body segment, as the values of the motion channels.
///
/// The segment frame has x along the segment (thigh: hip to knee; pelvis: towards
/// the head), y to the subject's left, z out of the skin where the strap sits
/// (thigh: anterior; pelvis: dorsal). Its orientation in the world
/// (x, y horizontal, z up) is `Rz(heading) · Rx(lean) · Ry(−pitch) · Rx(roll)`:
/// `pitch` raises the segment's x axis above the horizontal (and keeps going past
/// ±90°, e.g. 180° for a pelvis lying supine with the head towards −x), `lean`
/// tips the segment sideways about the direction the subject faces, `roll` turns
/// it about its own axis, `heading` turns the subject about the vertical.
public struct BodyPose: Sendable, Equatable {
    /// Degrees.
    public var pitch: Double
    /// Degrees.
    public var roll: Double
    /// Degrees.
    public var lean: Double
    /// Degrees.
    public var heading: Double
    /// Where the segment's pivot joint is, metres, world frame.
    public var position: Vector3

    public init(pitch: Double, roll: Double = 0, lean: Double = 0, heading: Double = 0, position: Vector3 = .zero) {
        self.pitch = pitch
        self.roll = roll
        self.lean = lean
        self.heading = heading
        self.position = position
    }

    /// The segment-to-world rotation.
    public var rotation: Rotation {
        Rotation.aboutZ(heading) * Rotation.aboutX(lean) * Rotation.aboutY(-pitch) * Rotation.aboutX(roll)
    }

    /// This pose with the given changes added.
    public func moved(pitch dp: Double = 0, roll dr: Double = 0, lean dl: Double = 0,
                      heading dh: Double = 0, by dx: Vector3 = .zero) -> BodyPose {
        BodyPose(pitch: pitch + dp, roll: roll + dr, lean: lean + dl, heading: heading + dh, position: position + dx)
    }
}
