import Testing
@testable import RepCountCore

@Suite struct LowPassFilterTests {
    /// The step response at time t must not depend on the sample rate.
    func stepResponse(rateHz: Double, at t: Double) -> Double {
        var f = LowPassFilter<Vector3>(timeConstant: 0.1)
        _ = f.update(Vector3(0, 0, 0), dt: 0)
        let dt = 1 / rateHz
        var y = Vector3.zero
        for _ in 0..<Int((t * rateHz).rounded()) { y = f.update(Vector3(1, 0, 0), dt: dt) }
        return y.x
    }

    @Test(arguments: [50.0, 100.0, 400.0])
    func stepResponseIsRateIndependent(rateHz: Double) {
        // 1 - e^-3 after three time constants, whatever the rate.
        #expect(abs(stepResponse(rateHz: rateHz, at: 0.3) - 0.950212931632136) < 1e-9)
    }

    @Test func resetStartsAfresh() {
        var f = LowPassFilter<Vector3>(timeConstant: 0.1)
        _ = f.update(Vector3(1, 1, 1), dt: 0)
        f.reset(to: Vector3(5, 5, 5))
        #expect(f.update(Vector3(5, 5, 5), dt: 0.01) == Vector3(5, 5, 5))
    }

    @Test func scalarAndVectorFiltersAgree() {
        var v = LowPassFilter<Vector3>(timeConstant: 0.5)
        var s = LowPassFilter<Double>(timeConstant: 0.5)
        _ = v.update(.zero, dt: 0)
        _ = s.update(0, dt: 0)
        for i in 0..<100 {
            let dt = 0.005 + Double(i % 3) * 0.004
            #expect(abs(v.update(Vector3(2, 0, 0), dt: dt).x - s.update(2, dt: dt)) < 1e-12)
        }
    }
}
