import RepCountCore

/// The history of sessions, sets and reps in one SQLite file.
///
/// The daemon holds one writable store and writes every rep the moment it
/// completes, in its own transaction. Clients (`repcount history`,
/// `repcount progress`) open the same file read-only: in WAL mode readers
/// never block the writer nor see a half-written rep.
///
/// Durability: WAL with `synchronous=FULL`, so each committed rep is on
/// disk before `recordRep` returns. NORMAL would survive a process crash but
/// may lose the last commits on power loss; a rep every few seconds makes the
/// extra fsync per commit free, and the product promises at most the current
/// rep lost on power loss.
///
/// Not `Sendable`: use one instance from one task or thread at a time.
public final class HistoryStore {
    /// The database file.
    public let path: String
    let db: SQLiteConnection

    /// Opens the store at `path`, creating it and applying migrations unless
    /// `readOnly`. A read-only open of a file with an older schema works (the
    /// daemon migrates it); one with a newer schema throws `schemaTooNew`.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        db = try SQLiteConnection(path: path, readOnly: readOnly)
        if readOnly {
            let version = Int(try db.scalarInt("PRAGMA user_version"))
            if version > Schema.currentVersion {
                throw .schemaTooNew(path: path, found: version, supported: Schema.currentVersion)
            }
        } else {
            // journal_mode is persistent in the file; set it before any table exists.
            _ = try db.scalarText("PRAGMA journal_mode=WAL")
            try db.execute("PRAGMA synchronous=FULL")
            try migrate()
        }
        try db.execute("PRAGMA foreign_keys=ON")
    }

    /// The schema version of the open file (`PRAGMA user_version`).
    public func schemaVersion() throws(StoreError) -> Int { Int(try db.scalarInt("PRAGMA user_version")) }

    /// The SQLite journal mode in force (`wal` for a writable store).
    public func journalMode() throws(StoreError) -> String { try db.scalarText("PRAGMA journal_mode") ?? "" }

    /// The result of `PRAGMA integrity_check`: `["ok"]` for a sound file.
    public func integrityCheck() throws(StoreError) -> [String] {
        let stmt = try db.prepare("PRAGMA integrity_check")
        var lines: [String] = []
        while try stmt.step() { lines.append(stmt.text(0) ?? "") }
        return lines
    }

    private func migrate() throws(StoreError) {
        let found = Int(try db.scalarInt("PRAGMA user_version"))
        if found > Schema.currentVersion {
            throw .schemaTooNew(path: path, found: found, supported: Schema.currentVersion)
        }
        for version in found..<Schema.currentVersion {
            try db.transaction { () throws(StoreError) in
                try db.execute(Schema.migrations[version])
                try db.execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }

    // MARK: Writing

    /// Records a new session and returns its id.
    public func beginSession(_ session: NewSession) throws(StoreError) -> SessionID {
        try db.transaction { () throws(StoreError) -> SessionID in
            try db.prepare(
                """
                INSERT INTO sessions (exercise, placement, started_at, target_reps, target_hold_s, target_sets, source)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """
            ).run([
                .text(session.exercise.rawValue), .text(session.placement.rawValue), .real(session.startedAt),
                .integer(Int64(session.targets.reps)), .real(session.targets.holdSeconds),
                .integer(Int64(session.targets.sets)), .text(session.source),
            ])
            return db.lastInsertRowID
        }
    }

    /// Records one completed rep of `session` in one transaction, creating its
    /// set row on the set's first rep. `recordedAt` is the wall clock, Unix seconds.
    public func recordRep(_ rep: Rep, session: SessionID, recordedAt: Double) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            try db.prepare("INSERT OR IGNORE INTO sets (session_id, number, started_at) VALUES (?1, ?2, ?3)")
                .run([.integer(session), .integer(Int64(rep.set)), .real(recordedAt)])
            try db.prepare(
                """
                INSERT INTO reps (set_id, number, recorded_at, start_s, hold_start_s, hold_end_s, end_s,
                                  hold_s, target_hold_s, side, peak_deg)
                SELECT id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 FROM sets WHERE session_id = ?1 AND number = ?2
                """
            ).run([
                .integer(session), .integer(Int64(rep.set)), .integer(Int64(rep.number)), .real(recordedAt),
                .real(rep.start), .real(rep.holdStart), .real(rep.holdEnd), .real(rep.end),
                .real(rep.holdSeconds), .real(rep.targetHoldSeconds), .optional(rep.side?.rawValue),
                .real(rep.peakDegrees),
            ])
        }
    }

    /// Marks set `number` of `session` as ended (no-op if it had no rep).
    public func endSet(session: SessionID, number: Int, endedAt: Double) throws(StoreError) {
        try db.prepare("UPDATE sets SET ended_at = ?3 WHERE session_id = ?1 AND number = ?2 AND ended_at IS NULL")
            .run([.integer(session), .integer(Int64(number)), .real(endedAt)])
    }

    /// Marks a session (and any set still open in it) as ended.
    public func endSession(_ session: SessionID, endedAt: Double, reason: SessionEndReason) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            try db.prepare("UPDATE sets SET ended_at = ?2 WHERE session_id = ?1 AND ended_at IS NULL")
                .run([.integer(session), .real(endedAt)])
            try db.prepare("UPDATE sessions SET ended_at = ?2, end_reason = ?3 WHERE id = ?1 AND ended_at IS NULL")
                .run([.integer(session), .real(endedAt), .text(reason.rawValue)])
        }
    }

    /// Closes sessions left open by a daemon that crashed or was killed:
    /// they end at their last rep (or their start) with reason `interrupted`.
    /// Returns how many were closed.
    @discardableResult
    public func closeInterruptedSessions() throws(StoreError) -> Int {
        try db.transaction { () throws(StoreError) -> Int in
            let lastRep = """
                COALESCE((SELECT MAX(r.recorded_at) FROM reps r JOIN sets s ON r.set_id = s.id
                          WHERE s.session_id = sessions.id), started_at)
                """
            try db.execute(
                """
                UPDATE sets SET ended_at = COALESCE((SELECT MAX(recorded_at) FROM reps WHERE set_id = sets.id), started_at)
                WHERE ended_at IS NULL;
                UPDATE sessions SET ended_at = \(lastRep), end_reason = 'interrupted' WHERE ended_at IS NULL;
                """
            )
            return Int(sqlite3Changes())
        }
    }

    private func sqlite3Changes() -> Int64 { (try? db.scalarInt("SELECT changes()")) ?? 0 }

    // MARK: Reading

    /// Sessions that started in `[from, to)` (wall clock, Unix seconds; `nil`
    /// leaves that end open), optionally of one exercise, oldest first, each
    /// with its sets and reps. `limit` keeps only the newest `limit` sessions.
    public func sessions(
        from: Double? = nil, to: Double? = nil, exercise: Exercise? = nil, limit: Int? = nil
    ) throws(StoreError) -> [SessionRecord] {
        let stmt = try db.prepare(
            """
            SELECT id, exercise, placement, started_at, ended_at, end_reason, target_reps, target_hold_s,
                   target_sets, source
            FROM sessions
            WHERE (?1 IS NULL OR started_at >= ?1) AND (?2 IS NULL OR started_at < ?2) AND (?3 IS NULL OR exercise = ?3)
            ORDER BY started_at DESC, id DESC
            LIMIT ?4
            """
        )
        try stmt.bind([.optional(from), .optional(to), .optional(exercise?.rawValue), .integer(Int64(limit ?? -1))])
        var result: [SessionRecord] = []
        while try stmt.step() {
            let id = stmt.int64(0)
            let exerciseText = stmt.text(1) ?? ""
            guard let ex = Exercise(rawValue: exerciseText) else {
                throw .corruptRow(path: path, table: "sessions", id: id, column: "exercise", text: exerciseText)
            }
            let placementText = stmt.text(2) ?? ""
            guard let placement = Placement(rawValue: placementText) else {
                throw .corruptRow(path: path, table: "sessions", id: id, column: "placement", text: placementText)
            }
            let reasonText = stmt.text(5)
            let reason = reasonText.flatMap(SessionEndReason.init(rawValue:))
            if let reasonText, reason == nil {
                throw .corruptRow(path: path, table: "sessions", id: id, column: "end_reason", text: reasonText)
            }
            result.append(
                SessionRecord(
                    id: id, exercise: ex, placement: placement,
                    targets: Targets(holdSeconds: stmt.double(7), reps: stmt.int(6), sets: stmt.int(8)),
                    startedAt: stmt.double(3), endedAt: stmt.optionalDouble(4), endReason: reason,
                    source: stmt.text(9) ?? "", sets: []))
        }
        result.reverse()
        for i in result.indices { result[i].sets = try sets(of: result[i].id) }
        return result
    }

    /// One session by id, or `nil`.
    public func session(_ id: SessionID) throws(StoreError) -> SessionRecord? {
        let start = try db.prepare("SELECT started_at FROM sessions WHERE id = ?1")
        try start.bind([.integer(id)])
        guard try start.step() else { return nil }
        let t = start.double(0)
        return try sessions(from: t, to: t.nextUp).first { $0.id == id }
    }

    private func sets(of session: SessionID) throws(StoreError) -> [SetRecord] {
        let stmt = try db.prepare(
            """
            SELECT s.number, s.started_at, s.ended_at, r.id, r.number, r.recorded_at, r.start_s, r.hold_start_s,
                   r.hold_end_s, r.end_s, r.hold_s, r.target_hold_s, r.side, r.peak_deg
            FROM sets s LEFT JOIN reps r ON r.set_id = s.id
            WHERE s.session_id = ?1
            ORDER BY s.number, r.number
            """
        )
        try stmt.bind([.integer(session)])
        var sets: [SetRecord] = []
        while try stmt.step() {
            let number = stmt.int(0)
            if sets.last?.number != number {
                sets.append(SetRecord(number: number, startedAt: stmt.double(1), endedAt: stmt.optionalDouble(2), reps: []))
            }
            guard !stmt.isNull(3) else { continue }
            let sideText = stmt.text(12)
            let side = sideText.flatMap(Side.init(rawValue:))
            if let sideText, side == nil {
                throw .corruptRow(path: path, table: "reps", id: stmt.int64(3), column: "side", text: sideText)
            }
            let rep = Rep(
                set: number, number: stmt.int(4), start: stmt.double(6), holdStart: stmt.double(7),
                holdEnd: stmt.double(8), end: stmt.double(9), holdSeconds: stmt.double(10),
                targetHoldSeconds: stmt.double(11), side: side, peakDegrees: stmt.double(13))
            sets[sets.count - 1].reps.append(RepRecord(rep: rep, recordedAt: stmt.double(5)))
        }
        return sets
    }

    /// Totals per local day and exercise for sessions that started in
    /// `[from, to)`, oldest day first. Days follow the process's time zone
    /// (`TZ`), as SQLite's `'localtime'` modifier does.
    public func dailyTotals(
        from: Double? = nil, to: Double? = nil, exercise: Exercise? = nil
    ) throws(StoreError) -> [DayTotal] {
        let stmt = try db.prepare(
            """
            SELECT date(se.started_at, 'unixepoch', 'localtime') AS day, se.exercise,
                   COUNT(DISTINCT se.id), COUNT(DISTINCT s.id), COUNT(r.id),
                   COALESCE(SUM(r.hold_s < r.target_hold_s), 0), COALESCE(SUM(r.hold_s), 0), COALESCE(MAX(r.hold_s), 0)
            FROM sessions se
            LEFT JOIN sets s ON s.session_id = se.id
            LEFT JOIN reps r ON r.set_id = s.id
            WHERE (?1 IS NULL OR se.started_at >= ?1) AND (?2 IS NULL OR se.started_at < ?2)
              AND (?3 IS NULL OR se.exercise = ?3)
            GROUP BY day, se.exercise
            ORDER BY day, se.exercise
            """
        )
        try stmt.bind([.optional(from), .optional(to), .optional(exercise?.rawValue)])
        var totals: [DayTotal] = []
        while try stmt.step() {
            let text = stmt.text(1) ?? ""
            guard let ex = Exercise(rawValue: text) else {
                throw .corruptRow(path: path, table: "sessions", id: 0, column: "exercise", text: text)
            }
            totals.append(
                DayTotal(
                    day: stmt.text(0) ?? "", exercise: ex, sessions: stmt.int(2), sets: stmt.int(3), reps: stmt.int(4),
                    shortReps: stmt.int(5), holdSeconds: stmt.double(6), longestHoldSeconds: stmt.double(7)))
        }
        return totals
    }
}
