import Testing
@testable import RepCountCore

@Suite struct RecentMedianTests {
    @Test func medianAndMaximumOfTheLastValues() {
        var m = RecentMedian(memory: 4)
        #expect(m.median == nil && m.maximum == nil)
        m.record(3)
        #expect(m.median == 3)
        for v in [1.0, 10, 2] { m.record(v) }  // 3 1 10 2
        #expect(m.median == 2.5)
        #expect(m.maximum == 10)
        m.record(4)  // replaces the oldest (3): 4 1 10 2
        #expect(m.median == 3)
        #expect(m.samples == 4)
    }

    @Test func clearForgetsEverything() {
        var m = RecentMedian(memory: 3)
        for v in [5.0, 6, 7] { m.record(v) }
        m.clear()
        #expect(m.samples == 0 && m.median == nil)
        m.record(1)
        #expect(m.median == 1 && m.maximum == 1)
    }
}
