#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore

/// Streams the samples of a recording (`../shared/formats.md`) in constant
/// memory: metadata and header first, then one `Sample` per `next()`.
public final class RecordingReader {
    public let path: String
    public private(set) var metadata = RecordingMetadata()
    /// Header names in file order.
    public private(set) var columns: [String] = []

    private let file: UnsafeMutablePointer<FILE>
    private var lineNumber = 0
    private var pending: String?
    private var indices: (t: Int, x: Int, y: Int, z: Int) = (0, 0, 0, 0)
    private var previousTime = -Double.infinity

    public init(path: String) throws(RecordingError) {
        self.path = path
        guard let f = fopen(path, "r") else {
            throw .cannotOpen(file: path, reason: String(cString: strerror(errno)))
        }
        file = f
        try readHeader()
    }

    deinit { fclose(file) }

    private func readLine() -> String? {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(buffer) }
        let n = getline(&buffer, &capacity, file)
        guard n >= 0, let buffer else { return nil }
        lineNumber += 1
        var line = String(cString: buffer)
        while line.last == "\n" || line.last == "\r" { line.removeLast() }
        return line
    }

    private func readHeader() throws(RecordingError) {
        while let line = readLine() {
            if line.hasPrefix("#") {
                let body = line.dropFirst().drop(while: { $0 == " " })
                if let colon = body.firstIndex(of: ":") {
                    let key = String(body[..<colon]).trimmingSpaces
                    let value = String(body[body.index(after: colon)...]).trimmingSpaces
                    metadata.entries.append((key, value))
                }
                continue
            }
            if line.trimmingSpaces.isEmpty { continue }
            columns = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            func index(_ name: String) throws(RecordingError) -> Int {
                guard let i = columns.firstIndex(of: name) else {
                    throw .missingColumn(file: path, line: lineNumber, column: name)
                }
                return i
            }
            indices = (try index("time_s"), try index("accel_x"), try index("accel_y"), try index("accel_z"))
            return
        }
        throw .empty(file: path)
    }

    /// The next sample, or `nil` at the end of the file.
    public func next() throws(RecordingError) -> Sample? {
        while let line = readLine() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            func value(_ i: Int) throws(RecordingError) -> Double {
                let name = columns[i]
                guard i < fields.count else {
                    throw .missingField(file: path, line: lineNumber, column: i + 1, name: name)
                }
                let text = String(fields[i]).trimmingSpaces
                guard let v = Double(text) else {
                    throw .malformedField(file: path, line: lineNumber, column: i + 1, name: name, text: text)
                }
                guard v.isFinite else {
                    throw .nonFinite(file: path, line: lineNumber, column: i + 1, name: name, text: text)
                }
                return v
            }
            let t = try value(indices.t)
            if t < previousTime {
                throw .timeWentBackwards(file: path, line: lineNumber, column: indices.t + 1, time: t, previous: previousTime)
            }
            previousTime = t
            return Sample(time: t, x: try value(indices.x), y: try value(indices.y), z: try value(indices.z))
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
