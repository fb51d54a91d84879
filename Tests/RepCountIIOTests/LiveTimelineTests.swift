import RepCountIIO
import Testing

struct LiveTimelineTests {
    @Test func timestampsCountFromTheFirstAndKeepGoingAcrossAReturn() {
        var c = LiveTimeline()
        c.beginSegment(rate: 100, gap: 0)
        #expect(c.next(timestamp: 5_000_000_000) == 0)
        #expect(c.next(timestamp: 5_010_000_000) == 0.01)
        // The device clock went on during a 2 s outage: kept as it is.
        c.beginSegment(rate: 100, gap: 2)
        #expect(c.next(timestamp: 7_010_000_000) == 2.01)
    }

    @Test func aRestartedDeviceClockIsRebasedAfterTheLastTimePlusTheGap() {
        var c = LiveTimeline()
        c.beginSegment(rate: 100, gap: 0)
        _ = c.next(timestamp: 9_000_000_000)
        _ = c.next(timestamp: 9_500_000_000)
        c.beginSegment(rate: 100, gap: 1.5)
        #expect(c.next(timestamp: 1_000) == 2.0)
        #expect(abs(c.next(timestamp: 10_001_000) - 2.01) < 1e-12)
    }

    @Test func withoutTimestampsTimeIsIndexOverRateAndGapsComeFromTheHost() {
        var c = LiveTimeline()
        c.beginSegment(rate: 400, gap: 0)
        #expect((0..<4).map { _ in c.next(timestamp: nil) } == [0, 0.0025, 0.005, 0.0075])
        c.beginSegment(rate: 400, gap: 0.5)
        #expect(c.next(timestamp: nil) == 0.5075)
        // A gap shorter than one period still moves time forward by one period.
        c.beginSegment(rate: 400, gap: -1)
        #expect(c.next(timestamp: nil) == 0.5075 + 0.0025)
    }

    @Test func neverGoesBackwardsWithinAConnection() {
        var c = LiveTimeline()
        c.beginSegment(rate: 100, gap: 0)
        _ = c.next(timestamp: 1_000_000_000)
        let t1 = c.next(timestamp: 1_020_000_000)
        #expect(c.next(timestamp: 1_010_000_000) == t1)
    }
}
