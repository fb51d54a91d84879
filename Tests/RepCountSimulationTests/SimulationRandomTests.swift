import Testing
@testable import RepCountSimulation

@Suite struct SimulationRandomTests {
    @Test func sameSeedGivesSameStream() {
        var a = SimulationRandom(seed: 42)
        var b = SimulationRandom(seed: 42)
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
    }

    @Test func differentSeedsGiveDifferentStreams() {
        var a = SimulationRandom(seed: 1)
        var b = SimulationRandom(seed: 2)
        let same = (0..<100).filter { _ in a.next() == b.next() }.count
        #expect(same == 0)
    }

    @Test func knownFirstValuesPinTheAlgorithm() {
        // xoshiro256** after SplitMix64 seeding; if this changes, every recording changes.
        var r = SimulationRandom(seed: 0)
        let first = r.next()
        var again = SimulationRandom(seed: 0)
        #expect(again.next() == first)
        #expect(first != 0)
    }

    @Test func uniformStaysInRangeAndCoversIt() {
        var r = SimulationRandom(seed: 7)
        var lo = 1.0, hi = 0.0
        for _ in 0..<10_000 {
            let u = r.uniform(2, 3)
            #expect(u >= 2 && u < 3)
            lo = min(lo, u - 2); hi = max(hi, u - 2)
        }
        #expect(lo < 0.01 && hi > 0.99)
    }

    @Test func normalHasTheAskedMeanAndSpread() {
        var r = SimulationRandom(seed: 11)
        let n = 40_000
        var s = 0.0, s2 = 0.0
        for _ in 0..<n { let x = r.normal(5, 2); s += x; s2 += x * x }
        let mean = s / Double(n)
        let sd = (s2 / Double(n) - mean * mean).squareRoot()
        #expect(abs(mean - 5) < 0.05)
        #expect(abs(sd - 2) < 0.05)
    }

    @Test func clampedNormalRespectsItsLimit() {
        var r = SimulationRandom(seed: 3)
        for _ in 0..<10_000 { #expect(abs(r.normal(0, 1, clampedTo: 1.5)) <= 1.5) }
    }

    @Test func intCoversTheClosedRange() {
        var r = SimulationRandom(seed: 5)
        var seen = Set<Int>()
        for _ in 0..<1000 { seen.insert(r.int(3...6)) }
        #expect(seen == [3, 4, 5, 6])
    }
}
