/// The history database's schema, as an ordered list of migrations.
///
/// `PRAGMA user_version` holds how many migrations a file has had. Opening a
/// file applies the missing ones in order, each in its own transaction, so a
/// crash mid-migration leaves the file at the previous version. Never edit a
/// shipped migration: append a new one.
enum Schema {
    /// Migration `i` takes the file from version `i` to `i + 1`.
    static let migrations: [String] = [
        // 1: sessions, sets and reps.
        """
        CREATE TABLE sessions (
            id            INTEGER PRIMARY KEY,
            exercise      TEXT    NOT NULL,            -- bridge | bird-dog | wall-sit
            placement     TEXT    NOT NULL,            -- thigh | hip | lower-back
            started_at    REAL    NOT NULL,            -- wall clock, Unix seconds
            ended_at      REAL,                        -- NULL while running
            end_reason    TEXT,                        -- completed | stopped | shutdown | source-ended | interrupted
            target_reps   INTEGER NOT NULL,
            target_hold_s REAL    NOT NULL,
            target_sets   INTEGER NOT NULL,
            source        TEXT    NOT NULL             -- e.g. replay:/path.csv, iio:local:adxl345
        );
        CREATE INDEX sessions_by_start ON sessions(started_at);
        CREATE INDEX sessions_by_exercise ON sessions(exercise, started_at);
        CREATE TABLE sets (
            id         INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            number     INTEGER NOT NULL,               -- 1-based within the session
            started_at REAL    NOT NULL,               -- wall clock of its first rep, Unix seconds
            ended_at   REAL,                           -- NULL while running
            UNIQUE (session_id, number)
        );
        CREATE TABLE reps (
            id            INTEGER PRIMARY KEY,
            set_id        INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
            number        INTEGER NOT NULL,            -- 1-based within the set
            recorded_at   REAL    NOT NULL,            -- wall clock when it completed, Unix seconds
            start_s       REAL    NOT NULL,            -- sample time axis, seconds
            hold_start_s  REAL    NOT NULL,
            hold_end_s    REAL    NOT NULL,
            end_s         REAL    NOT NULL,
            hold_s        REAL    NOT NULL,
            target_hold_s REAL    NOT NULL,
            side          TEXT,                        -- left | right | NULL
            peak_deg      REAL    NOT NULL,
            UNIQUE (set_id, number)
        );
        """,
    ]

    /// The version a file has once every migration is applied.
    static var currentVersion: Int { migrations.count }
}
