/// The ticks seen while the first rest pose is not yet known, kept so that they
/// can be replayed once it is: reps made in the first seconds still count.
/// Fixed capacity, allocated once; older ticks are dropped.
public struct SettlingBuffer: Sendable {
    /// One buffered tick.
    public struct Entry: Sendable, Equatable {
        public var time: Double
        /// Unit gravity direction, sensor frame.
        public var direction: Vector3
        /// Activity, m/s^2 RMS.
        public var activity: Double
        /// Whether this tick follows a gap.
        public var restart: Bool
    }

    private var entries: [Entry]
    private var written = 0

    public init(capacity: Int) {
        precondition(capacity > 0)
        entries = Array(repeating: Entry(time: 0, direction: .zero, activity: 0, restart: false), count: capacity)
    }

    /// Entries the buffer can hold.
    public var capacity: Int { entries.count }

    /// Number of entries held.
    public var count: Int { min(written, entries.count) }

    public mutating func append(_ entry: Entry) {
        entries[written % entries.count] = entry
        written += 1
    }

    /// The `i`-th oldest entry held.
    public subscript(i: Int) -> Entry {
        entries[(max(0, written - entries.count) + i) % entries.count]
    }

    public mutating func clear() {
        written = 0
    }
}
