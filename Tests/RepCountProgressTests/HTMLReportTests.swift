import Foundation
import RepCountCore
import Testing

@testable import RepCountProgress

struct HTMLReportTests {
    /// Six weeks of bridges, holds growing from 4 s to 7 s, on weekdays only.
    static func sixWeeks() throws -> (ProgressReport, [PracticeSession]) {
        let cal = ProgressAggregatorTests.utc
        let first = try CalendarDay(parsing: "2026-10-12")  // a Monday
        var sessions: [PracticeSession] = []
        for d in 0..<42 where d % 7 < 5 {
            let day = cal.adding(d, to: first)
            let base = 4 + 3 * Double(d) / 41
            let holds = (0..<10).map { base + Double($0 % 3) * 0.4 - 0.4 }
            sessions.append(ProgressAggregatorTests.session(day.description, 8, holds: holds))
        }
        let report = ProgressAggregator(calendar: cal, plan: PracticePlan(daysPerWeek: [.bridge: 5])).report(
            sessions, from: first, through: cal.adding(41, to: first))
        return (report, sessions)
    }

    @Test func pageIsSelfContainedWithOneDotPerRep() throws {
        let (report, sessions) = try Self.sixWeeks()
        let html = HTMLReport(title: "Progress of <A & B>", calendar: ProgressAggregatorTests.utc)
            .render(report, sessions: sessions, generatedAt: ProgressAggregatorTests.at("2026-11-23", 9))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Progress of &lt;A &amp; B&gt;</h1>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        let reps = sessions.reduce(0) { $0 + $1.reps.count }
        let dots = html.components(separatedBy: "r=\"2.6\"").count - 1
        #expect(dots == reps)
        // Weekly means rise over the six weeks, and each week shows 5 of 5 days.
        let means = report.rows(.week, for: .bridge).compactMap(\.meanHoldSeconds)
        #expect(means.count == 6)
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 < $1 })
        #expect(html.components(separatedBy: ">5/5 d<").count - 1 == 6)
    }

    @Test func niceAxisSteps() {
        #expect(SVGPlot.niceStep(10) == 2)
        #expect(SVGPlot.niceStep(100) == 20)
        #expect(SVGPlot.niceStep(7) == 1)
        #expect(SVGPlot.niceMaximum(7.7) == 8)
        #expect(SVGPlot.niceMaximum(43) == 50)
    }
}
