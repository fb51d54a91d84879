import RepCountCore

/// Whole-body postures a session passes through, and the pose each one gives
/// the instrumented segment.
public enum Posture: Sendable, CaseIterable {
    case standing
    /// Sitting on the mat, knees bent, feet flat.
    case sittingOnFloor
    /// Lying on the back, knees bent, feet flat: the bridge's start.
    case supine
    /// Hands and knees: the bird dog's start.
    case allFours
    /// Sitting back on the heels (child's pose), a bird-dog rest.
    case sittingOnHeels
    /// Kneeling upright, on the way down to all fours.
    case kneeling
    /// Standing with the back against a wall, feet a foot out: the wall sit's start.
    case againstWall

    /// The segment's pose in this posture for a strap on `segment`, facing
    /// `heading`, standing at `ground` (x, y; z is the posture's pivot height).
    /// The pitch and height are approximate anatomy; the person's own variation is
    /// added by the caller.
    public func pose(for segment: Segment, heading: Double, at ground: Vector3) -> BodyPose {
        let (pitch, height): (Double, Double)
        switch (segment, self) {
        // Thigh, pivot at the knee (bridge, wall sit) or hip (bird dog), x hip to knee.
        case (.thighKnee, .standing): (pitch, height) = (-90, 0.50)
        case (.thighKnee, .sittingOnFloor): (pitch, height) = (35, 0.40)
        case (.thighKnee, .supine): (pitch, height) = (45, 0.45)
        case (.thighKnee, .allFours): (pitch, height) = (-90, 0.05)
        case (.thighKnee, .sittingOnHeels): (pitch, height) = (-15, 0.05)
        case (.thighKnee, .kneeling): (pitch, height) = (-90, 0.05)
        case (.thighKnee, .againstWall): (pitch, height) = (-80, 0.50)
        case (.thighHip, .standing): (pitch, height) = (-90, 0.90)
        case (.thighHip, .sittingOnFloor): (pitch, height) = (35, 0.10)
        case (.thighHip, .supine): (pitch, height) = (45, 0.10)
        case (.thighHip, .allFours): (pitch, height) = (-88, 0.50)
        case (.thighHip, .sittingOnHeels): (pitch, height) = (-15, 0.25)
        case (.thighHip, .kneeling): (pitch, height) = (-90, 0.50)
        case (.thighHip, .againstWall): (pitch, height) = (-80, 0.85)
        // Pelvis, x towards the head, z dorsal; lying supine the head is towards −x,
        // so the pitch runs on past 90° to 180°. Pivot: the shoulders for a belt on
        // the hip (bridges), the knees for a belt on the sacrum (bird dogs).
        case (.pelvisShoulders, .standing): (pitch, height) = (90, 1.45)
        case (.pelvisShoulders, .sittingOnFloor): (pitch, height) = (100, 0.55)
        case (.pelvisShoulders, .supine): (pitch, height) = (180, 0.10)
        case (.pelvisShoulders, .allFours): (pitch, height) = (0, 0.55)
        case (.pelvisShoulders, .sittingOnHeels): (pitch, height) = (50, 0.60)
        case (.pelvisShoulders, .kneeling): (pitch, height) = (90, 0.95)
        case (.pelvisShoulders, .againstWall): (pitch, height) = (95, 1.30)
        case (.pelvisKnees, .standing): (pitch, height) = (90, 1.00)
        case (.pelvisKnees, .sittingOnFloor): (pitch, height) = (100, 0.10)
        case (.pelvisKnees, .supine): (pitch, height) = (180, 0.10)
        case (.pelvisKnees, .allFours): (pitch, height) = (0, 0.05)
        case (.pelvisKnees, .sittingOnHeels): (pitch, height) = (50, 0.05)
        case (.pelvisKnees, .kneeling): (pitch, height) = (90, 0.50)
        case (.pelvisKnees, .againstWall): (pitch, height) = (95, 0.95)
        }
        return BodyPose(pitch: pitch, heading: heading, position: Vector3(ground.x, ground.y, height))
    }

    /// The instrumented segment and the joint it turns about in the exercise.
    public enum Segment: Sendable {
        /// Thigh turning about the knee (bridge: feet planted; wall sit).
        case thighKnee
        /// Thigh turning about the hip (bird dog).
        case thighHip
        /// Pelvis turning about the shoulders (bridge with a belt on the hip).
        case pelvisShoulders
        /// Pelvis rocking over the knees (bird dog with a belt on the sacrum).
        case pelvisKnees

        /// Where the strap sits relative to the pivot, metres, segment frame.
        public var lever: Vector3 {
            switch self {
            // Front of the mid-thigh: 22 cm from the knee, 7 cm out of the bone's axis.
            case .thighKnee: Vector3(-0.22, 0, 0.07)
            case .thighHip: Vector3(0.20, 0, 0.07)
            // Side of the pelvis, 45 cm from the shoulder blades, 15 cm to the side.
            case .pelvisShoulders: Vector3(-0.45, 0.15, 0)
            // Sacrum, about 50 cm above the knees on all fours.
            case .pelvisKnees: Vector3(-0.05, 0, 0.50)
            }
        }
    }
}
