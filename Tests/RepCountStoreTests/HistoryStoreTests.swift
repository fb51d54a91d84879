import Foundation
import RepCountCore
import Testing

@testable import RepCountStore

/// A fresh directory under the system temp dir, removed by the caller.
func temporaryDirectory() throws -> String {
    var template = Array("\(NSTemporaryDirectory())/repcount-store-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    return String(cString: p)
}

func rep(set: Int, number: Int, start: Double, hold: Double, target: Double = 6, side: Side? = nil) -> Rep {
    Rep(
        set: set, number: number, start: start, holdStart: start + 1, holdEnd: start + 1 + hold,
        end: start + 2 + hold, holdSeconds: hold, targetHoldSeconds: target, side: side, peakDegrees: 20)
}

@Suite struct HistoryStoreTests {
    @Test func newFileIsMigratedToCurrentSchemaInWALMode() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: "\(dir)/h.db")
        #expect(try store.schemaVersion() == Schema.currentVersion)
        #expect(try store.journalMode() == "wal")
        #expect(try store.integrityCheck() == ["ok"])
        // Reopening applies nothing twice.
        let again = try HistoryStore(path: "\(dir)/h.db")
        #expect(try again.schemaVersion() == Schema.currentVersion)
    }

    @Test func newerSchemaIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/h.db"
        do {
            let store = try HistoryStore(path: path)
            try store.db.execute("PRAGMA user_version = \(Schema.currentVersion + 1)")
        }
        #expect(throws: StoreError.schemaTooNew(path: path, found: Schema.currentVersion + 1, supported: Schema.currentVersion)) {
            _ = try HistoryStore(path: path)
        }
        #expect(throws: StoreError.self) { _ = try HistoryStore(path: path, readOnly: true) }
    }

    @Test func repsAreReadBackBySessionSetAndOrder() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: "\(dir)/h.db")
        let targets = Targets(holdSeconds: 6, reps: 10, sets: 3)
        let id = try store.beginSession(
            NewSession(exercise: .bridge, placement: .thigh, targets: targets, startedAt: 1_000, source: "replay:x.csv"))
        let written = [rep(set: 1, number: 1, start: 3, hold: 6.2), rep(set: 1, number: 2, start: 14, hold: 4.1),
                       rep(set: 2, number: 1, start: 80, hold: 6.5)]
        for (i, r) in written.enumerated() { try store.recordRep(r, session: id, recordedAt: 1_010 + Double(i)) }
        try store.endSet(session: id, number: 1, endedAt: 1_011)

        // A second reader sees the reps while the session is still open.
        let reader = try HistoryStore(path: "\(dir)/h.db", readOnly: true)
        let open = try #require(try reader.sessions().first)
        #expect(open.endedAt == nil)
        #expect(open.sets.map(\.number) == [1, 2])
        #expect(open.sets[0].endedAt == 1_011)
        #expect(open.sets[1].endedAt == nil)
        #expect(open.sets.flatMap(\.reps).map(\.rep) == written)
        #expect(open.sets.flatMap(\.reps).map(\.recordedAt) == [1_010, 1_011, 1_012])

        try store.endSession(id, endedAt: 1_100, reason: .completed)
        let closed = try #require(try reader.session(id))
        #expect(closed.endedAt == 1_100)
        #expect(closed.endReason == .completed)
        #expect(closed.sets.allSatisfy { $0.endedAt != nil })
        #expect(closed.targets == targets)
        #expect(closed.repCount == 3)
    }

    @Test func rangeAndExerciseFiltersSelectSessions() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: "\(dir)/h.db")
        for (t, ex) in [(100.0, Exercise.bridge), (200, .wallSit), (300, .bridge), (400, .birdDog)] {
            _ = try store.beginSession(
                NewSession(exercise: ex, placement: ex.defaultPlacement, targets: ex.defaultTargets, startedAt: t, source: "t"))
        }
        #expect(try store.sessions().map(\.startedAt) == [100, 200, 300, 400])
        #expect(try store.sessions(from: 200, to: 400).map(\.startedAt) == [200, 300])
        #expect(try store.sessions(exercise: .bridge).map(\.startedAt) == [100, 300])
        #expect(try store.sessions(limit: 2).map(\.startedAt) == [300, 400])
    }

    @Test func dailyTotalsSumRepsShortRepsAndHolds() throws {
        setenv("TZ", "UTC", 1)
        tzset()
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: "\(dir)/h.db")
        let day1 = 1_763_683_200.0  // 2025-11-21 00:00 UTC
        let a = try store.beginSession(
            NewSession(exercise: .bridge, placement: .thigh, targets: Exercise.bridge.defaultTargets, startedAt: day1 + 3_600, source: "t"))
        try store.recordRep(rep(set: 1, number: 1, start: 1, hold: 6.5), session: a, recordedAt: day1 + 3_610)
        try store.recordRep(rep(set: 1, number: 2, start: 9, hold: 3.0), session: a, recordedAt: day1 + 3_620)
        try store.recordRep(rep(set: 2, number: 1, start: 90, hold: 7.0), session: a, recordedAt: day1 + 3_700)
        let b = try store.beginSession(
            NewSession(exercise: .bridge, placement: .thigh, targets: Exercise.bridge.defaultTargets, startedAt: day1 + 86_400 + 60, source: "t"))
        try store.recordRep(rep(set: 1, number: 1, start: 1, hold: 6.0), session: b, recordedAt: day1 + 86_470)
        let totals = try store.dailyTotals()
        #expect(totals.count == 2)
        #expect(totals[0] == DayTotal(day: "2025-11-21", exercise: .bridge, sessions: 1, sets: 2, reps: 3, shortReps: 1,
                                      holdSeconds: 16.5, longestHoldSeconds: 7.0))
        #expect(totals[1].day == "2025-11-22")
        #expect(totals[1].reps == 1)
        #expect(try store.dailyTotals(exercise: .wallSit).isEmpty)
    }

    @Test func interruptedSessionsAreClosedAtTheirLastRep() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/h.db"
        let id: SessionID
        do {
            let store = try HistoryStore(path: path)
            id = try store.beginSession(
                NewSession(exercise: .wallSit, placement: .thigh, targets: Exercise.wallSit.defaultTargets, startedAt: 50, source: "t"))
            try store.recordRep(rep(set: 1, number: 1, start: 1, hold: 10, target: 10), session: id, recordedAt: 70)
        }
        let store = try HistoryStore(path: path)
        #expect(try store.closeInterruptedSessions() == 1)
        let s = try #require(try store.session(id))
        #expect(s.endReason == .interrupted)
        #expect(s.endedAt == 70)
        #expect(s.sets[0].endedAt == 70)
        #expect(try store.closeInterruptedSessions() == 0)
    }

    @Test func unopenablePathNamesTheFile() throws {
        let path = "/nonexistent-dir-\(getpid())/h.db"
        do {
            _ = try HistoryStore(path: path)
            Issue.record("opened \(path)")
        } catch {
            guard case let .cannotOpen(p, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(p == path)
            #expect(error.description.contains(path))
        }
    }
}
