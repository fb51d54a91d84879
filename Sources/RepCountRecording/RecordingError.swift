/// Why a recording or a labels file could not be read. Every case names the
/// file and, where there is one, the line and column (1-based), so that the
/// message alone is enough to find the fault.
public enum RecordingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(file: String, reason: String)
    /// The file holds no header row.
    case empty(file: String)
    /// The header lacks a required column.
    case missingColumn(file: String, line: Int, column: String)
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
        case let .empty(file):
            "\(file): empty file: no header row"
        case let .missingColumn(file, line, column):
            "\(file):\(line): header has no '\(column)' column (required: time_s, accel_x, accel_y, accel_z)"
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
