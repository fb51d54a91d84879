/// The sensor as the view shows it: a level for the colour and a word or two.
public struct SensorStatus: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        /// Not reported yet.
        case unknown
        /// Samples are arriving.
        case ok
        /// Something is off but counting goes on (e.g. dropped samples).
        case warning
        /// No samples: counting has stopped.
        case lost
    }

    public var level: Level
    /// A word or two: "connected", "lost".
    public var text: String
    /// Why, when the daemon says (e.g. the libiio error); shown apart from the
    /// header, which has room only for the word.
    public var detail: String?

    public init(level: Level, text: String, detail: String? = nil) {
        self.level = level
        self.text = text
        self.detail = detail
    }

    public static let unknown = SensorStatus(level: .unknown, text: "?")

    /// Interprets a daemon's free-form sensor state word.
    public init(word: String, detail: String? = nil) {
        let w = word.lowercased()
        let level: Level
        switch w {
        case "ok", "connected", "streaming", "running", "replay", "replaying", "live", "open": level = .ok
        case "lost", "disconnected", "error", "missing", "closed", "failed", "stopped", "none": level = .lost
        case "unknown", "": level = .unknown
        default: level = .warning
        }
        self.init(level: level, text: word, detail: detail.flatMap { $0.isEmpty ? nil : $0 })
    }
}
