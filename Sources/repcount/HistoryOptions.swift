import ArgumentParser
import Foundation
import RepCountClient
import RepCountCore
import RepCountJSON
import RepCountProgress
import RepCountProtocol
import RepCountStore

/// Options shared by history, progress and report: where the history comes
/// from, which days, which exercise, which plan, which output format.
///
/// The history is asked of the daemon (`history` request) by default: a
/// system service keeps its database in a directory users cannot read. With
/// --database, or when no daemon answers, the database file is read directly
/// (read-only, safe while the daemon writes).
struct HistoryOptions: ParsableArguments {
    @OptionGroup var daemon: DaemonOptions

    @Option(help: ArgumentHelp("Read this history database directly instead of asking the daemon.", valueName: "path"))
    var database: String?

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (local time).", valueName: "day"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (default: today).", valueName: "day"))
    var to: String?

    @Option(help: "Only this exercise: bridge, bird-dog or wall-sit.")
    var exercise: Exercise?

    @Option(help: ArgumentHelp("Days per week planned, e.g. bridge=7,bird-dog=5 (default: the config's plan, else daily).", valueName: "plan"))
    var plan: String?

    @Option(help: ArgumentHelp("Config file with the plan.", valueName: "path"))
    var config: String?

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print CSV (RFC 4180, one row per period and exercise).")
    var csv = false

    enum Format { case text, json, csv }

    var format: Format { json ? .json : csv ? .csv : .text }

    /// Usage errors exit with 64 (argument-parser's validation status).
    func validateFormats() throws {
        if json && csv { throw ValidationError("--json and --csv exclude each other") }
        do {
            if let from { _ = try CalendarDay(parsing: from) }
            if let to { _ = try CalendarDay(parsing: to) }
            if let plan { _ = try PracticePlan(parsing: plan) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Longest period a history view covers, days: about ten years, which bounds the
    /// rows printed and the store query.
    static let maximumDays = 3660
    /// Longest period in weeks, for `--weeks`: ten years of weeks.
    static let maximumWeeks = 520

    /// Checks `--weeks`.
    static func validate(weeks: Int) throws {
        guard (1...maximumWeeks).contains(weeks) else { throw ValidationError("--weeks must be from 1 to \(maximumWeeks)") }
    }

    /// `$REPCOUNT_DATABASE`, else the user's daemon's database if it exists,
    /// else the system service's (docs/daemon.md).
    static func defaultDatabasePath(environment: [String: String]) -> String {
        if let p = environment["REPCOUNT_DATABASE"], !p.isEmpty { return p }
        // The user's own database first, even for root: the system one is the fallback.
        let user = DaemonPaths.database(DaemonPaths.Environment(values: environment, isRoot: false))
        return FileManager.default.fileExists(atPath: user) ? user : DaemonPaths.systemDatabase
    }

    /// Everything a progress view needs, read and aggregated.
    struct Loaded {
        var report: ProgressReport
        /// The sessions that started in the report's range, as fetched.
        var sessions: [PracticeSession]
        var calendar: ProgressCalendar
    }

    /// The sessions that started in `[start, end)`, and whether any started
    /// before `start` (then the user began earlier and every day of the range
    /// counts as planned).
    struct Fetched {
        var sessions: [PracticeSession]
        var anyEarlier: Bool
    }

    /// Reads the sessions and aggregates them over `--from`...`--to`, or the
    /// last `defaultDays` days to today (from a Monday if `alignToWeeks`).
    func load(defaultDays: Int, alignToWeeks: Bool) async throws -> Loaded {
        let environment = ProcessInfo.processInfo.environment
        let calendar = ProgressCalendar()
        let today = calendar.day(of: Date().timeIntervalSince1970)
        let through = try to.map { try CalendarDay(parsing: $0) } ?? today
        var first = try from.map { try CalendarDay(parsing: $0) } ?? calendar.adding(-(defaultDays - 1), to: through)
        if from == nil, alignToWeeks { first = calendar.weekStart(of: first) }
        guard first <= through else { throw ValidationError("--from \(first) is after --to \(through)") }
        let start = calendar.start(of: first)
        let end = calendar.start(of: calendar.adding(1, to: through))

        let fetched: Fetched
        if let database {
            fetched = try Self.readDatabase(database, start: start, end: end, exercise: exercise)
        } else {
            do {
                fetched = try await Self.askDaemon(daemon.socketPath, start: start, end: end, exercise: exercise)
            } catch let error as ClientError {
                // No daemon: the database itself, if this user may read it.
                let path = Self.defaultDatabasePath(environment: environment)
                guard case .cannotConnect = error, FileManager.default.isReadableFile(atPath: path) else {
                    throw CommandFailure("\(error) (or pass --database)", status: ExitStatus.unavailable)
                }
                fetched = try Self.readDatabase(path, start: start, end: end, exercise: exercise)
            }
        }
        var practicePlan = try resolvePlan(environment: environment)
        if let exercise { practicePlan.daysPerWeek = practicePlan.daysPerWeek.filter { $0.key == exercise } }
        let firstKept = fetched.sessions.map { calendar.day(of: $0.startedAt) }.min()
        let planStart = fetched.anyEarlier ? first : (firstKept ?? calendar.adding(1, to: through))
        let report = ProgressAggregator(calendar: calendar, plan: practicePlan)
            .report(fetched.sessions, from: first, through: through, planStart: planStart)
        return Loaded(report: report, sessions: fetched.sessions, calendar: calendar)
    }

    static func readDatabase(_ path: String, start: Double, end: Double, exercise: Exercise?) throws -> Fetched {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(
                "no history database at \(path): the daemon creates it with its first session",
                status: ExitStatus.noInput)
        }
        do {
            let store = try HistoryStore(path: path, readOnly: true)
            let records = try store.sessions(from: start, to: end, exercise: exercise)
            let earlier = try store.sessions(to: start, exercise: exercise, limit: 1)
            return Fetched(sessions: records.map(PracticeSession.init(record:)), anyEarlier: !earlier.isEmpty)
        } catch {
            throw CommandFailure("\(error)", status: ExitStatus.dataError)
        }
    }

    static func askDaemon(_ socket: String, start: Double, end: Double, exercise: Exercise?) async throws -> Fetched {
        let (inRange, earlier) = try await DaemonConnection.withConnection(socketPath: socket) { c in
            let inRange = try await c.call(.history(from: start, to: end, exercise: exercise, limit: nil))
            let earlier = try await c.call(.history(from: nil, to: start, exercise: exercise, limit: 1))
            return (inRange, earlier)
        }
        let sessions = try (inRange["sessions"]?.array ?? []).map { item in
            guard let s = PracticeSession(json: item) else {
                throw CommandFailure("repcountd at \(socket) sent an unreadable session: \(item)", status: ExitStatus.dataError)
            }
            return s
        }
        return Fetched(sessions: sessions, anyEarlier: !(earlier["sessions"]?.array ?? []).isEmpty)
    }

    func resolvePlan(environment: [String: String]) throws -> PracticePlan {
        if let plan { return try PracticePlan(parsing: plan) }
        let config = try ClientConfig.load(explicitPath: config, environment: environment)
        guard !config.plan.isEmpty else { return .daily }
        var days: [Exercise: Int] = [:]
        for step in config.plan { days[step.exercise] = max(days[step.exercise] ?? 0, step.daysPerWeek) }
        return PracticePlan(daysPerWeek: days)
    }
}

extension PracticeSession {
    /// A kept session as the progress views see it.
    init(record: SessionRecord) {
        let reps = record.sets.flatMap { set in
            set.reps.map {
                PracticeRep(
                    set: set.number, holdSeconds: $0.rep.holdSeconds, targetHoldSeconds: $0.rep.targetHoldSeconds,
                    side: $0.rep.side, recordedAt: $0.recordedAt)
            }
        }
        self.init(exercise: record.exercise, startedAt: record.startedAt, targets: record.targets, reps: reps)
    }

    /// A session of the daemon's `history` response (docs/protocol.md).
    init?(json s: JSONValue) {
        guard let exercise = s["exercise"]?.string.flatMap(Exercise.init(rawValue:)), let startedAt = s["started_at"]?.number
        else { return nil }
        let d = exercise.defaultTargets
        let targets = Targets(
            holdSeconds: s["target_hold_s"]?.number ?? d.holdSeconds, reps: s["target_reps"]?.int ?? d.reps,
            sets: s["target_sets"]?.int ?? d.sets)
        var reps: [PracticeRep] = []
        for set in s["sets"]?.array ?? [] {
            for r in set["reps"]?.array ?? [] {
                guard let hold = r["hold_s"]?.number else { return nil }
                reps.append(
                    PracticeRep(
                        set: r["set"]?.int ?? set["set"]?.int ?? 1, holdSeconds: hold,
                        targetHoldSeconds: r["target_hold_s"]?.number ?? targets.holdSeconds,
                        side: r["side"]?.string.flatMap(Side.init(rawValue:)), recordedAt: r["recorded_at"]?.number ?? startedAt))
            }
        }
        self.init(exercise: exercise, startedAt: startedAt, targets: targets, reps: reps)
    }
}

extension ProgressError: LocalizedError {
    public var errorDescription: String? { description }
}
