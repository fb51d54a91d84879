import RepCountCore

/// A status snapshot; every field is optional because older or newer daemons
/// may send fewer or more of them.
public struct LiveStatus: Sendable, Equatable {
    public var exercise: Exercise?
    public var targets: Targets?
    public var side: Side?
    public var set: Int?
    public var repsInSet: Int?
    public var state: MovementState?
    public var holdElapsed: Double?
    public var sensor: SensorStatus?

    public init(
        exercise: Exercise? = nil, targets: Targets? = nil, side: Side? = nil, set: Int? = nil,
        repsInSet: Int? = nil, state: MovementState? = nil, holdElapsed: Double? = nil, sensor: SensorStatus? = nil
    ) {
        self.exercise = exercise
        self.targets = targets
        self.side = side
        self.set = set
        self.repsInSet = repsInSet
        self.state = state
        self.holdElapsed = holdElapsed
        self.sensor = sensor
    }
}
