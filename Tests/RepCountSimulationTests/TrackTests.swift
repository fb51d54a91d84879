import Testing
@testable import RepCountSimulation

@Suite struct TrackTests {
    @Test func holdsFlatBetweenEqualKeysAndMovesBetweenDifferentOnes() {
        var t = Track(initial: 0)
        t.add(time: 2, value: 0)
        t.add(time: 4, value: 10)
        t.add(time: 6, value: 10)
        #expect(t.value(at: -1) == 0)
        #expect(t.value(at: 1) == 0)
        #expect(abs(t.value(at: 3) - 5) < 1e-12)
        #expect(t.value(at: 5) == 10)
        #expect(t.value(at: 100) == 10)
        #expect(t.value(at: 2.5) > 0 && t.value(at: 2.5) < 5)
    }

    @Test func keysEarlierThanTheLastAreMovedForward() {
        var t = Track(initial: 1)
        t.add(time: 5, value: 2)
        t.add(time: 3, value: 7)
        #expect(t.times == [0, 5, 5])
        #expect(t.value(at: 6) == 7)
    }
}
