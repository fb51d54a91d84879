import RepCountCore

/// The `# key: value` lines that may open a recording.
public struct RecordingMetadata: Sendable, Equatable {
    /// Every pair, in file order.
    public var entries: [(key: String, value: String)]

    public init(entries: [(key: String, value: String)] = []) { self.entries = entries }

    public subscript(key: String) -> String? {
        entries.last(where: { $0.key == key })?.value
    }

    public var exercise: Exercise? { self["exercise"].flatMap(Exercise.init(rawValue:)) }
    public var placement: Placement? { self["placement"].flatMap(Placement.init(rawValue:)) }
    public var sampleRateHz: Double? { self["sample_rate_hz"].flatMap(Double.init) }

    public static func == (a: RecordingMetadata, b: RecordingMetadata) -> Bool {
        a.entries.map { "\($0.key)\u{0}\($0.value)" } == b.entries.map { "\($0.key)\u{0}\($0.value)" }
    }
}
