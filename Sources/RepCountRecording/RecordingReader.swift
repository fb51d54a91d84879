#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore

/// Streams the samples of a recording (`docs/formats.md`) in constant memory:
/// metadata and header are read on `init`, then one `Sample` per `next()`.
///
/// The file is read with POSIX `read` into one fixed buffer and parsed in
/// place, byte by byte: no line strings, no field arrays, no allocation per
/// row. Only the four required columns are parsed; others are skipped.
/// Memory use is the buffer plus the header, whatever the file's length.
public final class RecordingReader {
    /// The path as given; it names the file in every error.
    public let path: String
    /// The `# key: value` lines before the header.
    public private(set) var metadata = RecordingMetadata()
    /// Header names in file order, spaces trimmed.
    public private(set) var columns: [String] = []
    /// 1-based number of the last line read.
    public private(set) var lineNumber = 0

    /// Bytes per `read`: large enough that syscalls cost nothing next to
    /// parsing (a 110 MB file takes ~420 reads), small enough to stay in L2.
    /// It also bounds the length of one line.
    public static let bufferSize = 256 * 1024
    /// Longest field text quoted in an error message, in bytes.
    private static let maxQuotedField = 40

    private let fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    /// Next unread byte in `buffer`.
    private var start = 0
    /// End of valid bytes in `buffer`.
    private var end = 0
    private var atEndOfFile = false
    /// For each field position up to the last required one: which sample
    /// component it holds (0 time, 1-3 x y z), or -1 to skip it. A raw
    /// pointer, not an array, to keep bounds and uniqueness checks out of the
    /// per-field loop; `roleCount` entries, allocated once with the header.
    private var roles: UnsafeMutablePointer<Int8>?
    private var roleCount = 0
    /// Field positions (0-based) of time_s, accel_x, accel_y, accel_z.
    private var positions: (t: Int, x: Int, y: Int, z: Int) = (0, 0, 0, 0)
    private var previousTime = -Double.infinity

    /// Opens `path` and reads its metadata and header.
    public init(path: String) throws(RecordingError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(file: path, reason: Self.errnoText()) }
        self.fd = fd
        buffer = .allocate(capacity: Self.bufferSize)
        try readHeader()
    }

    deinit {
        close(fd)
        buffer.deallocate()
        roles?.deallocate()
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: Lines

    /// The next line, without its `\n`, as a range of `buffer`; valid until
    /// the next call. `nil` at the end of the file.
    private func nextLine() throws(RecordingError) -> Range<Int>? {
        while true {
            if start < end, let nl = memchr(buffer + start, Int32(UInt8(ascii: "\n")), end - start) {
                let lineEnd = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                defer { start = lineEnd + 1 }
                lineNumber += 1
                return start..<lineEnd
            }
            if atEndOfFile {
                guard start < end else { return nil }
                defer { start = end }
                lineNumber += 1  // last line without a newline
                return start..<end
            }
            try refill()
        }
    }

    /// Moves the partial line to the front and reads more after it.
    private func refill() throws(RecordingError) {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { (buffer).update(from: buffer + start, count: remaining) }
            start = 0
            end = remaining
        }
        guard end < Self.bufferSize else {
            throw .lineTooLong(file: path, line: lineNumber + 1, limit: Self.bufferSize)
        }
        while true {
            let n = read(fd, buffer + end, Self.bufferSize - end)
            if n > 0 {
                end += n
                return
            }
            if n == 0 {
                atEndOfFile = true
                return
            }
            if errno != EINTR { throw .readFailed(file: path, reason: Self.errnoText()) }
        }
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r")
    }

    /// The range with spaces, tabs and CRs trimmed at both ends.
    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, Self.isSpace(buffer[a]) { a += 1 }
        while b > a, Self.isSpace(buffer[b - 1]) { b -= 1 }
        return a..<b
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: buffer + range.lowerBound, count: range.count), as: UTF8.self)
    }

    // MARK: Header

    private func readHeader() throws(RecordingError) {
        var first = true
        while let raw = try nextLine() {
            var line = trimmed(raw)
            // A UTF-8 byte order mark, which some editors write, is not part of the text.
            if first, line.count >= 3, buffer[line.lowerBound] == 0xEF, buffer[line.lowerBound + 1] == 0xBB,
                buffer[line.lowerBound + 2] == 0xBF
            {
                line = trimmed(line.lowerBound + 3..<line.upperBound)
            }
            first = false
            if line.isEmpty { continue }
            if buffer[line.lowerBound] == UInt8(ascii: "#") {
                readMetadata(line.lowerBound + 1..<line.upperBound)
                continue
            }
            columns = []
            var fieldStart = line.lowerBound
            for i in line.lowerBound...line.upperBound where i == line.upperBound || buffer[i] == UInt8(ascii: ",") {
                columns.append(text(trimmed(fieldStart..<i)))
                fieldStart = i + 1
            }
            try locateColumns()
            return
        }
        throw .empty(file: path)
    }

    /// `key: value`; a metadata line without a colon is a plain comment.
    private func readMetadata(_ range: Range<Int>) {
        guard let colon = range.first(where: { buffer[$0] == UInt8(ascii: ":") }) else { return }
        let key = text(trimmed(range.lowerBound..<colon))
        let value = text(trimmed(colon + 1..<range.upperBound))
        metadata.entries.append((key: key, value: value))
    }

    private func locateColumns() throws(RecordingError) {
        func position(_ name: String) throws(RecordingError) -> Int {
            guard let i = columns.firstIndex(of: name) else {
                throw .missingColumn(file: path, line: lineNumber, column: name)
            }
            guard columns.lastIndex(of: name) == i else {
                throw .duplicateColumn(file: path, line: lineNumber, column: name)
            }
            return i
        }
        positions = (try position("time_s"), try position("accel_x"), try position("accel_y"), try position("accel_z"))
        roleCount = max(positions.t, positions.x, positions.y, positions.z) + 1
        let roles = UnsafeMutablePointer<Int8>.allocate(capacity: roleCount)
        roles.initialize(repeating: -1, count: roleCount)
        roles[positions.t] = 0
        roles[positions.x] = 1
        roles[positions.y] = 2
        roles[positions.z] = 3
        self.roles = roles
    }

    // MARK: Rows

    /// The next sample, or `nil` at the end of the file.
    public func next() throws(RecordingError) -> Sample? {
        while let line = try nextLine() {
            if let sample = try parseRow(UnsafePointer(buffer + line.lowerBound), UnsafePointer(buffer + line.upperBound)) {
                return sample
            }
        }
        return nil
    }

    /// Parses one row in place; `nil` for a blank or comment line.
    ///
    /// One pass over the bytes: each required field is parsed where it
    /// starts, by the common-case parser when it can (plain decimals), else
    /// by the general one on the trimmed field, which also judges errors.
    @inline(__always)
    private func parseRow(_ lineStart: UnsafePointer<UInt8>, _ lineEnd: UnsafePointer<UInt8>) throws(RecordingError) -> Sample? {
        var p = lineStart
        while p < lineEnd, Self.isSpace(p.pointee) { p += 1 }
        if p == lineEnd || p.pointee == UInt8(ascii: "#") { return nil }
        p = lineStart

        guard let roles else { preconditionFailure("rows read before the header") }
        let count = roleCount
        var t = 0.0
        var x = 0.0
        var y = 0.0
        var z = 0.0
        var field = 0
        while true {
            let role = roles[field]
            if role >= 0 {
                let fieldStart = p
                while p < lineEnd, p.pointee == UInt8(ascii: " ") || p.pointee == UInt8(ascii: "\t") { p += 1 }
                var value: Double
                if let v = DecimalParser.parseCommonPrefix(&p, lineEnd) {
                    value = v
                    while p < lineEnd, Self.isSpace(p.pointee) { p += 1 }
                    if p < lineEnd, p.pointee != UInt8(ascii: ",") {
                        // "1.2.3", "9.8m": let the general parser judge the whole field.
                        value = try parseField(field, fieldStart, lineEnd, &p)
                    }
                } else {
                    value = try parseField(field, fieldStart, lineEnd, &p)
                }
                switch role {
                case 0: t = value
                case 1: x = value
                case 2: y = value
                default: z = value
                }
            } else {
                while p < lineEnd, p.pointee != UInt8(ascii: ",") { p += 1 }
            }
            field += 1
            if field == count { break }
            guard p < lineEnd else {
                throw .missingField(file: path, line: lineNumber, column: field + 1, name: columns[field])
            }
            p += 1  // the comma
        }
        if t < previousTime {
            throw .timeWentBackwards(file: path, line: lineNumber, column: positions.t + 1, time: t, previous: previousTime)
        }
        previousTime = t
        return Sample(time: t, x: x, y: y, z: z)
    }

    /// The general path for one field: finds its end, trims it, parses it
    /// exactly or throws the error naming it; leaves `p` at the field's end.
    private func parseField(
        _ field: Int, _ fieldStart: UnsafePointer<UInt8>, _ lineEnd: UnsafePointer<UInt8>, _ p: inout UnsafePointer<UInt8>
    ) throws(RecordingError) -> Double {
        var fieldEnd = fieldStart
        while fieldEnd < lineEnd, fieldEnd.pointee != UInt8(ascii: ",") { fieldEnd += 1 }
        p = fieldEnd
        var a = fieldStart
        var b = fieldEnd
        while a < b, Self.isSpace(a.pointee) { a += 1 }
        while b > a, Self.isSpace((b - 1).pointee) { b -= 1 }
        switch DecimalParser.parse(a, b) {
        case let .value(v): return v
        case .malformed: throw fieldError(field, a, b, nonFinite: false)
        case .nonFinite: throw fieldError(field, a, b, nonFinite: true)
        }
    }

    private func fieldError(
        _ field: Int, _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, nonFinite: Bool
    ) -> RecordingError {
        let count = min(b - a, Self.maxQuotedField)
        var quoted = String(decoding: UnsafeBufferPointer(start: a, count: count), as: UTF8.self)
        if b - a > count { quoted += "..." }
        return nonFinite
            ? .nonFinite(file: path, line: lineNumber, column: field + 1, name: columns[field], text: quoted)
            : .malformedField(file: path, line: lineNumber, column: field + 1, name: columns[field], text: quoted)
    }
}
