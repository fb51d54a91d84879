import CSQLite

/// A thin owner of one `sqlite3*` handle: open, execute, prepare.
///
/// Not `Sendable`: SQLite handles are used from one thread at a time. The
/// daemon keeps its writer behind a lock; readers open their own connection.
final class SQLiteConnection {
    let path: String
    let handle: OpaquePointer

    /// How long a statement waits for another connection's lock before
    /// failing with SQLITE_BUSY, in milliseconds. WAL readers never block the
    /// writer, so this only covers checkpoints and a second writer (e.g. a
    /// maintenance tool); 5 s is far above any transaction this program makes.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    /// Opens (and, unless `readOnly`, creates) the database at `path`.
    /// The corresponding C function is `sqlite3_open_v2`.
    init(path: String, readOnly: Bool) throws(StoreError) {
        self.path = path
        var db: OpaquePointer?
        // FULLMUTEX is cheap insurance: the Swift side already serialises use.
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw .cannotOpen(path: path, code: rc, message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// The last error on this handle as a `StoreError`.
    func error(_ call: String, _ code: Int32, sql: String? = nil) -> StoreError {
        .sqlite(path: path, call: call, code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more SQL statements that return no rows we need.
    /// The corresponding C function is `sqlite3_exec`.
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw .sqlite(path: path, call: "sqlite3_exec", code: rc, message: text, sql: sql)
        }
    }

    /// Compiles one statement. The corresponding C function is `sqlite3_prepare_v2`.
    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error("sqlite3_prepare_v2", rc, sql: sql) }
        return SQLiteStatement(connection: self, handle: stmt, sql: sql)
    }

    /// The integer a one-row, one-column query returns (PRAGMAs, counts).
    func scalarInt(_ sql: String) throws(StoreError) -> Int64 {
        let stmt = try prepare(sql)
        guard try stmt.step() else { return 0 }
        return stmt.int64(0)
    }

    /// The text a one-row, one-column query returns.
    func scalarText(_ sql: String) throws(StoreError) -> String? {
        let stmt = try prepare(sql)
        guard try stmt.step() else { return nil }
        return stmt.text(0)
    }

    /// The rowid of the last INSERT. The corresponding C function is `sqlite3_last_insert_rowid`.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    /// `BEGIN IMMEDIATE` takes the write lock up front, so a commit can never
    /// fail half-way for a lock another writer took in between.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// One prepared statement. Binding indices are 1-based, columns 0-based, as in C.
final class SQLiteStatement {
    unowned let connection: SQLiteConnection
    let handle: OpaquePointer
    let sql: String

    init(connection: SQLiteConnection, handle: OpaquePointer, sql: String) {
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to `?1`, `?2`, ... in order. `nil` binds NULL.
    /// The corresponding C functions are `sqlite3_bind_*`.
    @discardableResult
    func bind(_ values: [SQLiteValue]) throws(StoreError) -> SQLiteStatement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case let .integer(v): rc = sqlite3_bind_int64(handle, index, v)
            case let .real(v): rc = sqlite3_bind_double(handle, index, v)
            case let .text(v): rc = sqlite3_bind_text(handle, index, v, -1, repcount_sqlite_transient())
            }
            guard rc == SQLITE_OK else { throw connection.error("sqlite3_bind", rc, sql: sql) }
        }
        return self
    }

    /// Advances to the next row; `false` when done. The corresponding C function is `sqlite3_step`.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error("sqlite3_step", rc, sql: sql)
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLiteValue] = []) throws(StoreError) {
        try bind(values)
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: p)
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    static func optional(_ v: Double?) -> SQLiteValue { v.map { .real($0) } ?? .null }
    static func optional(_ v: String?) -> SQLiteValue { v.map { .text($0) } ?? .null }
}
