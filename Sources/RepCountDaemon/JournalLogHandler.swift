import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A swift-log handler for stderr that journald understands.
///
/// Under systemd (`$JOURNAL_STREAM` set) each line starts with the
/// `sd-daemon(3)` priority prefix (`<3>` error ... `<7>` debug) so `journalctl
/// -p warning` filters by level, and carries no timestamp (the journal adds
/// its own). Elsewhere it writes swift-log's usual timestamped lines.
/// Metadata follows the message as `key=value` pairs with dotted keys.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    let journal: Bool

    /// `journal`: write for journald (default: whether `$JOURNAL_STREAM` is set).
    public init(label: String, journal: Bool = getenv("JOURNAL_STREAM") != nil) {
        self.label = label
        self.journal = journal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The `sd-daemon(3)` priority of a swift-log level.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// The line `log` writes, without its newline.
    func format(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, now: time_t) -> String {
        var merged = metadata
        if let extra { merged.merge(extra) { $1 } }
        let pairs = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
        let text = pairs.isEmpty ? "\(message)" : "\(message) \(pairs)"
        if journal { return "<\(Self.priority(level))>\(text)" }
        var t = now
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        let stamp = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "\(stamp) \(level) \(label): \(text)"
    }

    public func log(event: LogEvent) {
        let text = format(level: event.level, message: event.message, metadata: event.metadata, now: time(nil)) + "\n"
        // One write(2) per line, so lines from several threads never interleave.
        _ = text.withCString { write(2, $0, strlen($0)) }
    }
}
