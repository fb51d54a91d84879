import Foundation
import RepCountCore
import Testing

@testable import RepCountProgress

struct ProgressExportTests {
    func report() throws -> ProgressReport {
        let sessions = [
            ProgressAggregatorTests.session("2026-11-16", 8, holds: [6, 5, 7]),
            ProgressAggregatorTests.session("2026-11-17", 8, .wallSit, holds: [10.5, 9], target: 10),
        ]
        return ProgressAggregator(calendar: ProgressAggregatorTests.utc).report(
            sessions, from: try CalendarDay(parsing: "2026-11-16"), through: try CalendarDay(parsing: "2026-11-22"))
    }

    @Test func csvHasHeaderAndOneLinePerRow() throws {
        let r = try report()
        let csv = ProgressExport.csv(r.weeks)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == ProgressExport.csvColumns.joined(separator: ","))
        #expect(lines.count == 1 + r.weeks.count)
        let bridge = try #require(lines.first { $0.contains(",bridge,") })
        #expect(bridge == "week,2026-11-16,2026-W47,bridge,1,1,3,2,0.667,6.00,7.00,6.00,1,7,0.143")
        // Bird dog is in the default (daily) plan but was never done: an empty week.
        let birdDog = try #require(lines.first { $0.contains(",bird-dog,") })
        #expect(birdDog == "week,2026-11-16,2026-W47,bird-dog,0,0,0,0,,,,,0,7,0.000")
        #expect(ProgressExport.quote("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }

    @Test func jsonRoundTrips() throws {
        let r = try report()
        let json = try ProgressExport.json(r)
        #expect(json.contains("\"mean_hold_s\" : 6"))
        #expect(json.contains("\"on_target_share\" : null"))
        let back = try JSONDecoder().decode(ProgressReport.self, from: Data(json.utf8))
        #expect(back == r)
    }

    @Test func textShowsTableAndTrends() throws {
        let text = ProgressTextRenderer().render(try report(), kind: .week)
        #expect(text.contains("BRIDGE · 2026-11-16 to 2026-11-22 · 3 reps, 67% held to target · 1 of 7 planned days"))
        #expect(text.contains("2026-W47   1/7         1     1     3        67%      6.0 s   7.0   6.0 s  ████████████████"))
        #expect(text.contains("WALL SIT"))
    }

    @Test func sparklinesScaleAndShowGaps() {
        #expect(Sparkline.line([0, 0.5, 1, nil], minimum: 0, maximum: 1) == "▁▅█·")
        #expect(Sparkline.line([3, 3]) == "▅▅")
        #expect(Sparkline.line([nil, nil]) == "··")
        #expect(Sparkline.bar(1, maximum: 2, width: 4) == "██  ")
        #expect(Sparkline.bar(3, maximum: 8, width: 4) == "█▌  ")
    }
}
