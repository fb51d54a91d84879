/// What can go wrong with the history database. Each case names the database
/// file and, for SQLite failures, the C function that failed with SQLite's
/// own message, so a log line says what to look at.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `sqlite3_open_v2` failed (missing directory, no permission, not a database).
    case cannotOpen(path: String, code: Int32, message: String)
    /// An SQLite call failed; `call` is the C function, `sql` the statement if any.
    case sqlite(path: String, call: String, code: Int32, message: String, sql: String?)
    /// The file carries a schema newer than this program knows: refuse to touch it.
    case schemaTooNew(path: String, found: Int, supported: Int)
    /// A row held a value this program cannot read (e.g. an unknown exercise name).
    case corruptRow(path: String, table: String, id: Int64, column: String, text: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, code, message):
            "\(path): sqlite3_open_v2: \(message) (code \(code))"
        case let .sqlite(path, call, code, message, sql):
            "\(path): \(call): \(message) (code \(code))" + (sql.map { " in: \($0)" } ?? "")
        case let .schemaTooNew(path, found, supported):
            "\(path): schema version \(found) is newer than the \(supported) this program supports"
        case let .corruptRow(path, table, id, column, text):
            "\(path): \(table) row \(id): column \(column) holds unreadable value '\(text)'"
        }
    }
}
