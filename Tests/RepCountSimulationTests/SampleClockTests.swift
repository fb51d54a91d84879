import Testing
@testable import RepCountSimulation

@Suite struct SampleClockTests {
    @Test(arguments: [50.0, 62.5, 100, 200, 400])
    func stampsFollowTheClockWithJitterGapsAndNoReversal(rate: Double) {
        var r = SimulationRandom(seed: UInt64(rate * 10))
        var clock = SampleClock(nominalRate: rate, random: &r)
        clock.gapsPerMinute = 2
        clock.repeatProbability = 0.01
        let duration = 600.0
        let s = clock.schedule(duration: duration, stampResolution: 1e-4, random: &r)
        let period = 1 / (rate * (1 + clock.rateError))
        // Time never runs backwards.
        for i in 1..<s.count { #expect(s[i].stamp >= s[i - 1].stamp) }
        // The median interval is the true period (within the 0.1 ms stamp resolution).
        let dt = (1..<s.count).map { s[$0].stamp - s[$0 - 1].stamp }.sorted()
        #expect(abs(dt[dt.count / 2] - period) <= 1.5e-4)
        // Gaps: intervals of several periods, about as many as asked for (Poisson, 20 expected).
        let takenGaps = (1..<s.count).filter { s[$0].taken - s[$0 - 1].taken > 1.5 * period }.count
        #expect((6...40).contains(takenGaps))
        // Repeated stamps: ~1 % of samples (at least those drawn on purpose).
        let repeats = dt.filter { $0 == 0 }.count
        #expect(Double(repeats) > 0.005 * Double(s.count))
        // Jitter: stamps scatter around the taken times with the drawn SD.
        let errors = s.map { $0.stamp - $0.taken }
        let sd = (errors.map { $0 * $0 }.reduce(0, +) / Double(errors.count)).squareRoot()
        #expect(sd < clock.jitter * 3 + 2e-4)
        // Sample count: the duration at the actual rate, less the dropped ones.
        #expect(Double(s.count) <= duration / period + 1)
        #expect(Double(s.count) > 0.9 * duration / period)
    }

    @Test func drawnParametersStayWithinTheirDocumentedBounds() {
        var r = SimulationRandom(seed: 77)
        for _ in 0..<500 {
            let c = SampleClock(nominalRate: 100, random: &r)
            #expect(abs(c.rateError) <= SampleClock.maximumRateError)
            #expect(c.jitter > 0 && c.jitter <= 0.002)
            #expect(c.maximumGap >= 3 && c.maximumGap <= 100)
        }
    }
}
