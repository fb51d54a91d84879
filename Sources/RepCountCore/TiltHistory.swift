/// The recent tilt trace, one entry per tick, in a ring of fixed capacity.
///
/// Rep boundaries and the hold are measured when a rep completes, by looking
/// back over its trace (the plateau level is known only once the rep is over).
/// The ring is allocated once; writing never allocates.
public struct TiltHistory: Sendable {
    /// One tick of history.
    public struct Entry: Sendable, Equatable {
        /// Tick time, seconds.
        public var time: Double
        /// Tilt from the rest pose, degrees.
        public var tilt: Float
    }

    private var entries: [Entry]
    /// Total entries ever written; entry `k` lives at `k % capacity`.
    public private(set) var written = 0

    /// A ring holding the last `capacity` ticks.
    public init(capacity: Int) {
        precondition(capacity > 0)
        entries = Array(repeating: Entry(time: 0, tilt: 0), count: capacity)
    }

    public var capacity: Int { entries.count }

    /// Index of the oldest entry still held.
    public var oldest: Int { max(0, written - entries.count) }

    /// Appends one tick.
    @inline(__always)
    public mutating func append(time: Double, tilt: Double) {
        entries[written % entries.count] = Entry(time: time, tilt: Float(tilt))
        written += 1
    }

    /// Entry `index` (absolute, between `oldest` and `written - 1`).
    @inline(__always)
    public subscript(index: Int) -> Entry {
        precondition(index >= oldest && index < written, "history index \(index) out of range")
        return entries[index % entries.count]
    }

    /// Forgets everything (the rest pose changed, so old tilts mean nothing).
    public mutating func clear() {
        written = 0
    }
}
