import RepCountCore

/// A status snapshot; every field is optional because older or newer daemons
/// may send fewer or more of them. The session's exercise and targets come as their
/// own `.session` event first (`LiveEventDecoder`).
public struct LiveStatus: Sendable, Equatable {
    public var set: Int?
    public var repsInSet: Int?
    public var state: MovementState?
    public var holdElapsed: Double?
    public var sensor: SensorStatus?

    public init(
        set: Int? = nil, repsInSet: Int? = nil, state: MovementState? = nil, holdElapsed: Double? = nil,
        sensor: SensorStatus? = nil
    ) {
        self.set = set
        self.repsInSet = repsInSet
        self.state = state
        self.holdElapsed = holdElapsed
        self.sensor = sensor
    }
}
