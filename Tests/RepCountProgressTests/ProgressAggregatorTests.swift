import Foundation
import RepCountCore
import Testing

@testable import RepCountProgress

/// Aggregation over known sessions in a fixed time zone.
struct ProgressAggregatorTests {
    static let utc = ProgressCalendar(timeZone: TimeZone(identifier: "UTC")!)
    static let bridgeTargets = Targets(holdSeconds: 6, reps: 10, sets: 3)

    /// Unix time of `day` at `hour` UTC.
    static func at(_ day: String, _ hour: Double) -> Double {
        utc.start(of: try! CalendarDay(parsing: day)) + hour * 3600
    }

    static func session(_ day: String, _ hour: Double, _ exercise: Exercise = .bridge, holds: [Double], target: Double = 6, setSize: Int = 10) -> PracticeSession {
        let start = at(day, hour)
        let reps = holds.enumerated().map { i, h in
            PracticeRep(set: i / setSize + 1, holdSeconds: h, targetHoldSeconds: target, recordedAt: start + Double(i) * 15)
        }
        return PracticeSession(exercise: exercise, startedAt: start, targets: Targets(holdSeconds: target, reps: setSize, sets: 3), reps: reps)
    }

    @Test func weekFiguresFromKnownSessions() throws {
        // 2026-11-16 is a Monday (ISO week 47).
        let sessions = [
            Self.session("2026-11-16", 8, holds: [6, 5, 7]),
            Self.session("2026-11-16", 19, holds: [6.5]),
            Self.session("2026-11-18", 8, holds: [4, 6.2], setSize: 1),
            Self.session("2026-11-24", 8, holds: [8, 8]),  // next week
        ]
        let aggregator = ProgressAggregator(calendar: Self.utc, plan: PracticePlan(daysPerWeek: [.bridge: 5]))
        let report = aggregator.report(
            sessions, from: try CalendarDay(parsing: "2026-11-16"), through: try CalendarDay(parsing: "2026-11-29"))
        #expect(report.exercises == [.bridge])
        let weeks = report.rows(.week, for: .bridge)
        #expect(weeks.map(\.label) == ["2026-W47", "2026-W48"])
        let w = weeks[0]
        #expect(w.sessions == 3)
        #expect(w.sets == 1 + 1 + 2)
        #expect(w.reps == 6)
        #expect(w.repsOnTarget == 4)  // 6, 7, 6.5, 6.2
        #expect(abs(w.meanHoldSeconds! - (6 + 5 + 7 + 6.5 + 4 + 6.2) / 6) < 1e-9)
        #expect(w.bestHoldSeconds == 7)
        #expect(w.targetHoldSeconds == 6)
        #expect(w.daysDone == 2)
        #expect(w.daysPlanned == 5)
        #expect(w.adherence == 0.4)
        #expect(weeks[1].reps == 2 && weeks[1].daysDone == 1)
        let days = report.rows(.day, for: .bridge)
        #expect(days.count == 14)
        #expect(days[0].sessions == 2 && days[0].reps == 4)
        #expect(days[1].reps == 0 && days[1].meanHoldSeconds == nil && days[1].daysPlanned == 1)
    }

    @Test func daysFollowTheTimeZone() throws {
        // 23:30 UTC on Sunday the 22nd is already Monday the 23rd in Berlin (UTC+1).
        let s = Self.session("2026-11-22", 23.5, holds: [6])
        let berlin = ProgressCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(Self.utc.day(of: s.startedAt).description == "2026-11-22")
        #expect(berlin.day(of: s.startedAt).description == "2026-11-23")
        let report = ProgressAggregator(calendar: berlin).report(
            [s], from: try CalendarDay(parsing: "2026-11-16"), through: try CalendarDay(parsing: "2026-11-29"))
        #expect(report.rows(.week, for: .bridge).map(\.reps) == [0, 1])
    }

    @Test func adherenceIsProratedForPartialWeeksAndStartsWithTheUser() throws {
        let plan = PracticePlan(daysPerWeek: [.bridge: 7, .wallSit: 3])
        #expect(plan.daysPlanned(.bridge, inDays: 3) == 3)
        #expect(plan.daysPlanned(.wallSit, inDays: 7) == 3)
        #expect(plan.daysPlanned(.wallSit, inDays: 3) == 2)  // 3*3/7 = 1.3, rounded up
        #expect(plan.daysPlanned(.birdDog, inDays: 7) == 0)
        // Range Wednesday to the next Sunday; the user started on Friday.
        let report = ProgressAggregator(calendar: Self.utc, plan: plan).report(
            [Self.session("2026-11-20", 9, holds: [6])], from: try CalendarDay(parsing: "2026-11-18"),
            through: try CalendarDay(parsing: "2026-11-29"), planStart: try CalendarDay(parsing: "2026-11-20"))
        #expect(report.exercises == [.bridge, .wallSit])
        let bridge = report.rows(.week, for: .bridge)
        #expect(bridge.map(\.daysPlanned) == [3, 7])  // Fri-Sun, then a full week
        #expect(bridge.map(\.start.description) == ["2026-11-16", "2026-11-23"])
        #expect(report.rows(.day, for: .bridge).prefix(3).map(\.daysPlanned) == [0, 0, 1])
    }

    @Test func planParsing() throws {
        #expect(try PracticePlan(parsing: "bridge=5, bird-dog").daysPerWeek == [.bridge: 5, .birdDog: 7])
        #expect(throws: ProgressError.self) { try PracticePlan(parsing: "plank=3") }
        #expect(throws: ProgressError.self) { try PracticePlan(parsing: "bridge=9") }
        #expect(throws: ProgressError.self) { try CalendarDay(parsing: "2026-13-01") }
    }
}
