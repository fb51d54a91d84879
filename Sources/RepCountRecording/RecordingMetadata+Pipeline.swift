import RepCountCore

extension RecordingMetadata {
    /// The side of the first bird-dog rep of each set, when the recording says.
    ///
    /// With the sensor on one thigh, only that leg's reps are counted, so the
    /// instrumented leg is the side of every rep: `instrumented_side` names it.
    /// Otherwise `first_side` may override the seeds' right-leg-first default.
    /// Both are what a user tells the app when strapping on the sensor, not labels.
    public var firstSide: Side? {
        if placement == .thigh, let side = self["instrumented_side"].flatMap(Side.init(rawValue:)) { return side }
        return self["first_side"].flatMap(Side.init(rawValue:))
    }

    /// The pipeline configuration for this recording: what is given explicitly
    /// wins over the metadata, which wins over the exercise's defaults.
    public func pipelineConfiguration(
        exercise: Exercise, placement: Placement? = nil, targets: Targets? = nil, firstSide: Side? = nil
    ) -> PipelineConfiguration {
        PipelineConfiguration(
            exercise: exercise, placement: placement ?? self.placement, targets: targets,
            firstSide: firstSide ?? self.firstSide ?? .right)
    }
}
