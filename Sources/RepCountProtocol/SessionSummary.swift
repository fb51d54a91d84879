import RepCountCore

/// The last object of a session's event stream: what was asked, and per set
/// what was done.
///
/// Build it by feeding every pipeline event to `record(_:)`; only finished
/// sets count, so call the pipeline's `finish` before encoding the summary.
public struct SessionSummary: Sendable, Equatable {
    public var exercise: Exercise
    public var placement: Placement
    /// The prescription the reps were measured against.
    public var targets: Targets
    /// Every finished set, in order.
    public var sets: [SetReport]

    public init(exercise: Exercise, placement: Placement, targets: Targets, sets: [SetReport] = []) {
        self.exercise = exercise
        self.placement = placement
        self.targets = targets
        self.sets = sets
    }

    /// A summary with no sets yet for a pipeline configuration.
    public init(configuration: PipelineConfiguration) {
        self.init(exercise: configuration.exercise, placement: configuration.placement, targets: configuration.targets)
    }

    /// Takes note of a pipeline event; only `setEnded` changes the summary.
    public mutating func record(_ event: PipelineEvent) {
        if case let .setEnded(set) = event { sets.append(SetReport(set)) }
    }

    /// Reps counted over all sets.
    public var reps: Int { sets.reduce(0) { $0 + $1.reps } }

    /// Reps whose hold fell short, over all sets.
    public var shortReps: Int { sets.reduce(0) { $0 + $1.shortReps } }

    /// Mean hold over every rep of the session, seconds; `nil` with no reps.
    public var meanHoldSeconds: Double? {
        var total = 0.0
        var count = 0
        for set in sets {
            guard let mean = set.meanHoldSeconds else { continue }
            total += mean * Double(set.reps)
            count += set.reps
        }
        return count == 0 ? nil : total / Double(count)
    }
}
