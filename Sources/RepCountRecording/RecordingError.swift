/// Why a recording or a labels file could not be read or written. Every case
/// names the file and, where there is one, the line and column (1-based; the
/// column is the field's position in the row), so that the message alone is
/// enough to find the fault.
public enum RecordingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(file: String, reason: String)
    /// Reading failed part-way (an I/O error, not bad content).
    case readFailed(file: String, reason: String)
    /// The file could not be created for writing.
    case cannotCreate(file: String, reason: String)
    /// Writing failed part-way (disk full, ...).
    case writeFailed(file: String, reason: String)
    /// The file holds no header row.
    case empty(file: String)
    /// The header lacks a required column.
    case missingColumn(file: String, line: Int, column: String)
    /// The header names a required column twice, so which one holds the data is unclear.
    case duplicateColumn(file: String, line: Int, column: String)
    /// A line is longer than the reader's buffer; no recording has such lines.
    case lineTooLong(file: String, line: Int, limit: Int)
    /// A field is not a number.
    case malformedField(file: String, line: Int, column: Int, name: String, text: String)
    /// A field is a number but not a finite one.
    case nonFinite(file: String, line: Int, column: Int, name: String, text: String)
    /// A row has fewer fields than the header.
    case missingField(file: String, line: Int, column: Int, name: String)
    /// `time_s` is smaller than on the row before.
    case timeWentBackwards(file: String, line: Int, column: Int, time: Double, previous: Double)
    /// The labels file does not match the schema.
    case invalidLabels(file: String, field: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(file, reason):
            "\(file): cannot open: \(reason)"
        case let .readFailed(file, reason):
            "\(file): read failed: \(reason)"
        case let .cannotCreate(file, reason):
            "\(file): cannot create: \(reason)"
        case let .writeFailed(file, reason):
            "\(file): write failed: \(reason)"
        case let .empty(file):
            "\(file): empty file: no header row"
        case let .missingColumn(file, line, column):
            "\(file):\(line): header has no '\(column)' column (required: time_s, accel_x, accel_y, accel_z)"
        case let .duplicateColumn(file, line, column):
            "\(file):\(line): header has '\(column)' twice"
        case let .lineTooLong(file, line, limit):
            "\(file):\(line): line longer than \(limit) bytes"
        case let .malformedField(file, line, column, name, text):
            "\(file):\(line):\(column): '\(name)' is not a number: '\(text)'"
        case let .nonFinite(file, line, column, name, text):
            "\(file):\(line):\(column): '\(name)' is not finite: '\(text)'"
        case let .missingField(file, line, column, name):
            "\(file):\(line):\(column): row ends before the '\(name)' field"
        case let .timeWentBackwards(file, line, column, time, previous):
            "\(file):\(line):\(column): time_s goes backwards: \(time) after \(previous)"
        case let .invalidLabels(file, field, reason):
            "\(file): \(field): \(reason)"
        }
    }
}
