import Testing
@testable import RepCountCore

@Suite struct TiltHistoryTests {
    @Test func ringKeepsTheLastEntries() {
        var h = TiltHistory(capacity: 4)
        for i in 0..<10 { h.append(time: Double(i), tilt: Double(i) * 2) }
        #expect(h.oldest == 6 && h.written == 10)
        #expect(h[6].time == 6 && h[9].tilt == 18)
        h.clear()
        #expect(h.written == 0)
    }
}
