import RepCountCore

#if canImport(Glibc)
import Glibc
/// `read(2)`, named apart from `Labels.read(path:)`.
private let readBytes = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let readBytes = Darwin.read
#endif

/// Ground truth for one recording: `NAME.labels.json` beside `NAME.csv`
/// (`../shared/formats.md`).
///
/// Read with `read(path:)` or `decode(_:file:)` (`Labels+JSON.swift`), which
/// validate and name the field at fault; `Encodable` for the tools that write
/// labels. Not `Decodable`: decoding goes through `RepCountJSON` rather than
/// Foundation's `JSONDecoder`, which would link Foundation into `repcountd`.
public struct Labels: Sendable, Equatable, Encodable {
    public struct LabelledRep: Sendable, Equatable, Encodable {
        /// Leaving rest, seconds on the recording's axis.
        public var start: Double
        /// Arriving in the held pose.
        public var holdStart: Double
        /// Leaving the held pose.
        public var holdEnd: Double
        /// Back at rest.
        public var end: Double
        /// The extended leg for bird dogs, else `nil`.
        public var side: Side?

        public init(start: Double, holdStart: Double, holdEnd: Double, end: Double, side: Side?) {
            self.start = start
            self.holdStart = holdStart
            self.holdEnd = holdEnd
            self.end = end
            self.side = side
        }

        /// The true hold duration.
        public var holdSeconds: Double { holdEnd - holdStart }

        enum CodingKeys: String, CodingKey {
            case start, holdStart = "hold_start", holdEnd = "hold_end", end, side
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start)
            try c.encode(holdStart, forKey: .holdStart)
            try c.encode(holdEnd, forKey: .holdEnd)
            try c.encode(end, forKey: .end)
            try c.encode(side, forKey: .side)  // explicit null, as in the format
        }
    }

    public struct LabelledSet: Sendable, Equatable, Encodable {
        public var reps: [LabelledRep]
        public init(reps: [LabelledRep]) { self.reps = reps }
    }

    public var exercise: Exercise
    public var placement: Placement
    public var sets: [LabelledSet]

    public init(exercise: Exercise, placement: Placement, sets: [LabelledSet]) {
        self.exercise = exercise
        self.placement = placement
        self.sets = sets
    }

    /// The labels path for a recording: `NAME.csv` -> `NAME.labels.json`.
    public static func path(forRecording path: String) -> String {
        (path.hasSuffix(".csv") ? String(path.dropLast(4)) : path) + ".labels.json"
    }

    /// Bytes per `read(2)`: labels files are a few KiB, so one or two reads.
    private static let readChunkBytes = 64 * 1024

    /// Reads and validates a labels file; a mismatch with the schema names the field.
    public static func read(path: String) throws(RecordingError) -> Labels {
        // open/read rather than Foundation's Data(contentsOf:) so a missing file reads as
        // the same strerror text ("No such file or directory") as recordings.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(file: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: readChunkBytes)
        while true {
            let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(file: path, reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[..<n])
        }
        return try decode(bytes, file: path)
    }

    /// Checks what the types cannot: each rep's times are in order and finite.
    func validate(file: String) throws(RecordingError) {
        for (s, set) in sets.enumerated() {
            for (r, rep) in set.reps.enumerated() {
                let field = "sets[\(s)].reps[\(r)]"
                let times = [rep.start, rep.holdStart, rep.holdEnd, rep.end]
                guard times.allSatisfy(\.isFinite) else {
                    throw .invalidLabels(file: file, field: field, reason: "times must be finite")
                }
                guard rep.start <= rep.holdStart, rep.holdStart <= rep.holdEnd, rep.holdEnd <= rep.end else {
                    throw .invalidLabels(file: file, field: field, reason: "times must satisfy start <= hold_start <= hold_end <= end")
                }
            }
        }
    }
}
