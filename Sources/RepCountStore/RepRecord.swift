import RepCountCore

/// A rep read back: the pipeline's `Rep` (sample-axis times) and when it was written.
public struct RepRecord: Sendable, Equatable {
    public var rep: Rep
    /// Wall clock when the rep completed, Unix seconds.
    public var recordedAt: Double
}
