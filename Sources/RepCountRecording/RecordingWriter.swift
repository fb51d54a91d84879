#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore

// The class has `write` and `close` methods of its own; these name the C calls.
#if canImport(Glibc)
private let posixWrite = Glibc.write
private let posixClose = Glibc.close
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
private let posixClose = Darwin.close
#endif

/// Writes a recording (`docs/formats.md`): metadata lines, the header, then
/// one row per sample, through one fixed buffer flushed with POSIX `write`.
///
/// Numbers are written in fixed point: times with `timeDecimals` places,
/// other values with `valueDecimals`. Call `close()` to flush and learn of
/// errors; `deinit` flushes too but cannot report a failure.
public final class RecordingWriter {
    public let path: String
    /// The header, in file order.
    public let columns: [String]
    /// Decimal places for `time_s`; 6 keeps the microsecond jitter of live sources.
    public let timeDecimals: Int
    /// Decimal places for other columns; 4 is finer than any accelerometer's
    /// resolution (about 0.004 m/s^2 for an ADXL355).
    public let valueDecimals: Int

    /// Bytes collected before a `write`.
    public static let bufferSize = 256 * 1024
    /// Room kept free for one row; a row of doubles never needs more.
    private static let maxRowBytes = 4096

    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

    /// Creates (or truncates) `path` and writes the metadata and header.
    public init(
        path: String, metadata: RecordingMetadata = RecordingMetadata(),
        columns: [String] = ["time_s", "accel_x", "accel_y", "accel_z"],
        timeDecimals: Int = 6, valueDecimals: Int = 4
    ) throws(RecordingError) {
        precondition((0...9).contains(timeDecimals) && (0...9).contains(valueDecimals), "decimals must be 0...9")
        precondition(
            columns.allSatisfy { name in !name.isEmpty && !name.contains(where: { $0 == "," || $0.isNewline }) },
            "column names must be non-empty, without commas or line breaks: \(columns)")
        self.path = path
        self.columns = columns
        self.timeDecimals = timeDecimals
        self.valueDecimals = valueDecimals
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(file: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.bufferSize + Self.maxRowBytes)
        for (key, value) in metadata.entries {
            buffer.append(contentsOf: "# \(Self.metadataKey(key)): \(Self.metadataValue(value))\n".utf8)
        }
        buffer.append(contentsOf: columns.joined(separator: ",").utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    deinit {
        if fd >= 0 {
            try? flush()
            _ = posixClose(fd)
        }
    }

    /// A metadata key as the reader will split it: on one line (a line break
    /// would end the entry and start a data row), with no colon (one would move
    /// the split), each replaced by an underscore.
    static func metadataKey(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : ($0 == ":" ? "_" : $0) })
    }

    /// A metadata value on one line: a line break would end the entry (and start
    /// a data row). Colons are kept; the reader splits at the first one, in the key.
    static func metadataValue(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Writes one sample; the writer must have the default four columns.
    public func write(_ sample: Sample) throws(RecordingError) {
        precondition(columns.count == 4, "write(_ sample:) needs exactly time_s, accel_x, accel_y, accel_z")
        appendNumber(sample.time, decimals: timeDecimals)
        buffer.append(UInt8(ascii: ","))
        appendNumber(sample.accel.x, decimals: valueDecimals)
        buffer.append(UInt8(ascii: ","))
        appendNumber(sample.accel.y, decimals: valueDecimals)
        buffer.append(UInt8(ascii: ","))
        appendNumber(sample.accel.z, decimals: valueDecimals)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes one row of `columns.count` values; the first is `time_s`.
    public func write(row: [Double]) throws(RecordingError) {
        precondition(row.count == columns.count, "row has \(row.count) values for \(columns.count) columns")
        for (i, v) in row.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendNumber(v, decimals: i == 0 ? timeDecimals : valueDecimals)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws(RecordingError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(file: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; the writer cannot be used afterwards.
    public func close() throws(RecordingError) {
        guard fd >= 0 else { return }
        defer {
            _ = posixClose(fd)
            fd = -1
        }
        try flush()
        // Data is on disk only after fsync; a recording is worth that once.
        if fsync(fd) != 0, errno != EINVAL {
            throw .writeFailed(file: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Fixed point, rounded half away from zero. Values cannot be non-finite
    /// in a recording, so they are refused here rather than written.
    private func appendNumber(_ value: Double, decimals: Int) {
        precondition(value.isFinite, "recordings hold finite values only, got \(value)")
        let scale = Self.powersOfTen[decimals]
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 9.0e15 else {
            buffer.append(contentsOf: value.description.utf8)
            return
        }
        var n = Int64(scaled)
        if n < 0 {
            buffer.append(UInt8(ascii: "-"))
            n = -n
        }
        appendDigits(UInt64(n / scale), minimumWidth: 1)
        if decimals > 0 {
            buffer.append(UInt8(ascii: "."))
            appendDigits(UInt64(n % scale), minimumWidth: decimals)
        }
    }

    private func appendDigits(_ value: UInt64, minimumWidth: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { d in
            var v = value
            var count = 0
            repeat {
                d[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0 || count < minimumWidth
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[i]) }
        }
    }
}
