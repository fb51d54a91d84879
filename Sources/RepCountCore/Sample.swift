/// One accelerometer reading: specific force in the sensor frame, in m/s^2,
/// at a time in seconds on the recording's (or the live source's) own axis.
///
/// Time comes only from here, never from a clock, so that a live session and
/// the replay of its recording go through the pipeline identically.
public struct Sample: Sendable, Equatable {
    /// Seconds from the start of the recording; non-decreasing.
    public var time: Double
    /// Specific force in m/s^2 (about +9.81 on the axis pointing up at rest).
    public var accel: Vector3

    @inlinable
    public init(time: Double, accel: Vector3) {
        self.time = time
        self.accel = accel
    }

    @inlinable
    public init(time: Double, x: Double, y: Double, z: Double) {
        self.time = time
        self.accel = Vector3(x, y, z)
    }
}
