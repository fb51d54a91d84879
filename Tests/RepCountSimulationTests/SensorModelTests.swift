import RepCountCore
import Testing
@testable import RepCountSimulation

@Suite struct SensorModelTests {
    /// Bounds on |reading| at rest: the drawn scale (≤ 2 SD), bias (≤ 2.5 SD per
    /// axis), cross-axis (≤ 2 SD per term), noise and one LSB.
    func restBounds(_ s: SensorModel) -> ClosedRange<Double> {
        let g = BodyMotion.gravity
        let k = s.device.scaleError * 2 + s.device.crossAxis * 4
        let b = s.device.zeroGOffsetG * g * 2.5 * 3.0.squareRoot()
        let n = 5 * max(s.noise.x, s.noise.z) + s.lsb
        return (g * (1 - k) - b - n)...(g * (1 + k) + b + n)
    }

    @Test(arguments: SensorDevice.allCases)
    func atRestTheReadingIsGravityWithinTheErrorModel(device: SensorDevice) {
        var r = SimulationRandom(seed: 100)
        for trial in 0..<50 {
            let s = SensorModel(device: device, sampleRate: 100, random: &r)
            let up = Vector3(0, 0, BodyMotion.gravity)  // segment frame, standing still
            var sum = Vector3.zero
            for i in 0..<200 { sum += s.read(up, at: Double(i) / 100, random: &r) }
            let mean = sum * (1.0 / 200)
            #expect(restBounds(s).contains(mean.length), "device \(device) trial \(trial): |a| = \(mean.length)")
        }
    }

    @Test func meanReadingPointsWhereGravityPointsThroughTheMount() {
        var r = SimulationRandom(seed: 4)
        let s = SensorModel(device: .adxl355, sampleRate: 100, random: &r)
        let f = Vector3(0, 0, BodyMotion.gravity)
        var sum = Vector3.zero
        for i in 0..<500 { sum += s.read(f, at: Double(i) / 100, random: &r) }
        let measured = (sum * (1.0 / 500)).normalized!
        let expected = s.mount.applyTransposed(f).normalized!
        // ADXL355 errors (bias ≤ 2.5 × 25 mg per axis, scale ≤ 2 %, cross-axis ≤ 1 %)
        // keep the directions within ~5°.
        #expect(measured.dot(expected) > 0.996)
    }

    @Test(arguments: SensorDevice.allCases)
    func readingsAreWholeMultiplesOfTheLSB(device: SensorDevice) {
        var r = SimulationRandom(seed: 8)
        let s = SensorModel(device: device, sampleRate: 200, random: &r)
        for i in 0..<500 {
            let v = s.read(Vector3(r.normal(0, 5), r.normal(0, 5), r.normal(0, 5)), at: Double(i) / 200, random: &r)
            for c in [v.x, v.y, v.z] {
                let steps = c / s.lsb
                #expect(abs(steps - steps.rounded()) < 1e-6)
            }
        }
    }

    @Test func quantisationStepOfTheADXL345Is3Point9Milligee() {
        var r = SimulationRandom(seed: 1)
        let s = SensorModel(device: .adxl345, sampleRate: 100, random: &r)
        #expect(abs(s.lsb - 0.0039 * 9.80665) < 1e-12)
    }

    @Test func readingsClipAtTheRange() {
        var r = SimulationRandom(seed: 2)
        let s = SensorModel(device: .lis3dh, sampleRate: 100, random: &r)
        let v = s.read(Vector3(100, -100, 100), at: 0, random: &r)
        for c in [v.x, v.y, v.z] { #expect(abs(c) <= s.range + s.lsb) }
    }

    @Test func noiseGrowsWithTheSquareRootOfTheRate() {
        var a = SimulationRandom(seed: 3), b = SimulationRandom(seed: 3)
        let slow = SensorModel(device: .mpu6050, sampleRate: 100, random: &a)
        let fast = SensorModel(device: .mpu6050, sampleRate: 400, random: &b)
        #expect(abs(fast.noise.x / slow.noise.x - 2) < 1e-9)
    }

    @Test func aStrapSlipTurnsTheReportedRestPoseByItsSize() {
        var r = SimulationRandom(seed: 6)
        var s = SensorModel(device: .adxl355, sampleRate: 100, random: &r)
        // Without bias, scale and cross-axis errors, only the mount decides the direction.
        s.bias = .zero
        s.drift = .zero
        s.scale = Vector3(1, 1, 1)
        s.cross = Rotation(rows: .zero, .zero, .zero)
        s.slips = [StrapSlip(start: 10, end: 11, axis: Vector3(0, 0.6, 0.8), degrees: 20)]
        let f = Vector3(0, 0, BodyMotion.gravity)
        func mean(_ t0: Double) -> Vector3 {
            var sum = Vector3.zero
            for i in 0..<300 { sum += s.read(f, at: t0 + Double(i) / 100, random: &r) }
            return sum * (1.0 / 300)
        }
        let before = mean(5).normalized!, after = mean(12).normalized!
        let expectedBefore = s.mount.applyTransposed(f).normalized!
        let expectedAfter = s.mount(at: 12).applyTransposed(f).normalized!
        #expect(before.dot(expectedBefore) > 0.99999 && after.dot(expectedAfter) > 0.99999)
        // The turn of the reported gravity is at most the slip's 20° (less when the
        // axis is not perpendicular to gravity), and clearly there.
        let turned = (before - after).length
        #expect(turned > 0.05 && turned < 2 * 0.1737)  // chord of 3°..20°
    }
}
