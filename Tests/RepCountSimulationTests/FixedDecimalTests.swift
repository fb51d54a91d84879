import Testing
@testable import RepCountSimulation

@Suite struct FixedDecimalTests {
    @Test(arguments: [
        (0.0, 4, "0.0000"), (9.80665, 4, "9.8067"), (-0.04, 4, "-0.0400"), (0.00001, 4, "0.0000"),
        (-0.00004, 4, "0.0000"), (123.45675, 3, "123.457"), (-2.5, 0, "-3"), (62.5, 1, "62.5"), (1e-4, 4, "0.0001"),
    ])
    func formats(value: Double, decimals: Int, text: String) {
        #expect(FixedDecimal.format(value, decimals: decimals) == text)
    }

    @Test func roundTripsThroughDouble() {
        var r = SimulationRandom(seed: 1)
        for _ in 0..<2000 {
            let v = r.uniform(-200, 200)
            let text = FixedDecimal.format(v, decimals: 4)
            #expect(abs(Double(text)! - v) <= 0.00005 + 1e-12)
        }
    }
}
