import Testing
@testable import RepCountSimulation

@Suite struct OscillatorBankTests {
    @Test(arguments: [0.0, 0.5, 1.0])
    func hasUnitRMS(slope: Double) {
        var r = SimulationRandom(seed: 12)
        let bank = OscillatorBank(count: 10, band: 0.05...3, slope: slope, random: &r)
        // Over a long stretch the components average out to their mean square.
        let n = 200_000, dt = 0.01
        var sum = 0.0
        for i in 0..<n { let v = bank.value(at: Double(i) * dt); sum += v * v }
        #expect(abs((sum / Double(n)).squareRoot() - 1) < 0.1)
    }

    @Test func frequenciesStayInTheBand() {
        var r = SimulationRandom(seed: 13)
        let bank = OscillatorBank(count: 50, band: 2...20, random: &r)
        #expect(bank.components.allSatisfy { (2...20).contains($0.0) })
    }

    @Test func displacementIsTheDoubleIntegralOfTheValue() {
        var r = SimulationRandom(seed: 14)
        let bank = OscillatorBank(count: 8, band: 2...20, random: &r)
        let h = 1e-3
        for t in stride(from: 0.0, to: 5, by: 0.37) {
            let second = (bank.displacement(at: t + h) - 2 * bank.displacement(at: t) + bank.displacement(at: t - h)) / (h * h)
            #expect(abs(second - bank.value(at: t)) < 0.01)
        }
    }
}
