/// The exercises RepCount counts. Raw values are the names used in files,
/// on the command line and on the wire (`../shared/formats.md`).
public enum Exercise: String, Sendable, CaseIterable, Codable, Hashable {
    case bridge
    case birdDog = "bird-dog"
    case wallSit = "wall-sit"

    /// The placement recommended for this exercise when none is given.
    public var defaultPlacement: Placement {
        switch self {
        case .bridge, .wallSit: .thigh
        case .birdDog: .lowerBack
        }
    }

    /// The default prescription (from `../shared/exercises.md`).
    public var defaultTargets: Targets {
        switch self {
        case .bridge: Targets(holdSeconds: 6, reps: 10, sets: 3)
        case .birdDog: Targets(holdSeconds: 5, reps: 10, sets: 1)
        case .wallSit: Targets(holdSeconds: 10, reps: 10, sets: 1)
        }
    }

    /// Whether reps alternate between a left and a right side.
    public var hasSides: Bool { self == .birdDog }

    /// The name as people say it: "Bird dog" (headings upper-case it).
    public var displayName: String {
        switch self {
        case .bridge: "Bridge"
        case .birdDog: "Bird dog"
        case .wallSit: "Wall sit"
        }
    }
}

/// Where the sensor is strapped.
public enum Placement: String, Sendable, CaseIterable, Codable, Hashable {
    case thigh
    case hip
    case lowerBack = "lower-back"
}

/// Which leg is extended in a bird-dog rep.
public enum Side: String, Sendable, CaseIterable, Codable, Hashable {
    case left
    case right

    public var opposite: Side { self == .left ? .right : .left }
}

/// What the user is asked to do: the hold each rep should reach, reps per set
/// (per side for bird dogs), and sets.
public struct Targets: Sendable, Equatable, Codable, Hashable {
    /// Seconds each rep's hold should last; 0 for quick reps with no hold.
    public var holdSeconds: Double
    /// Reps per set (per side for bird dogs).
    public var reps: Int
    /// Sets in the session.
    public var sets: Int

    public init(holdSeconds: Double, reps: Int, sets: Int) {
        self.holdSeconds = holdSeconds
        self.reps = reps
        self.sets = sets
    }
}
