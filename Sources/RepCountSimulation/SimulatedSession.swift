import RepCountCore
import RepCountRecording

/// A scripted session: the body's motion and its ground truth.
public struct SimulatedSession: Sendable {
    public var motion: BodyMotion
    public var labels: Labels
    /// Script length, seconds.
    public var duration: Double
    /// The leg carrying the strap (meaningful for thigh placements).
    public var instrumentedSide: Side
    /// The leg each bird-dog set starts with.
    public var firstSide: Side
    /// Reps performed but not labelled (the other leg's bird dogs with a thigh strap).
    public var unlabelledReps: Int
    /// When the strap turned on the limb, seconds (between sets only).
    public var strapSlips: [ClosedRange<Double>]
}
