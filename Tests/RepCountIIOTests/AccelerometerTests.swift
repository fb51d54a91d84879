import Foundation
import RepCountIIO
import RepCountTestSupport
import Testing

/// Finding the accelerometer and setting its rate, on the emulated device.
@Suite(.enabled(if: Emulation.available, "needs root and unshare(2): \(Emulation.skipReason)"))
struct AccelerometerTests {
    @Test(arguments: [false, true])
    func zeroHertzDeviceGetsTheFallbackRateAndAskedRatesAreWritten(perChannelType: Bool) throws {
        let device = EmulatedAccelerometer(
            samplingFrequency: "0", availableFrequencies: "12.5 25 50 100 200 400 800", frequencyPerChannelType: perChannelType)
        let ns = try IIONamespace()
        defer { ns.close() }
        try ns.perform { try device.install() }
        let info = try ns.perform { try LiveSource(configuration: LiveSourceTests.configuration("local:")).probe() }
        #expect(info.samplingFrequency == 100)
        #expect(try ns.perform { try device.read(device.frequencyFile) } == "100")
        let asked = try ns.perform { try LiveSource(configuration: LiveSourceTests.configuration("local:", rate: 380)).probe() }
        #expect(asked.samplingFrequency == 400)  // the nearest the driver offers
        #expect(asked.bufferSamples == 20)
        #expect(try ns.perform { try device.read(device.frequencyFile) } == "400")
    }

    @Test func choosesTheAccelerometerByNameAndListsCandidatesWhenAmbiguous() throws {
        let a = EmulatedAccelerometer(index: 0, name: "adxl345")
        let b = EmulatedAccelerometer(index: 1, name: "lis3dh", label: "thigh", format: "le:s12/16>>4")
        let ns = try IIONamespace()
        defer { ns.close() }
        try ns.perform { try a.install(); try b.install() }
        let error = try ns.perform { () -> IIOError? in
            do { _ = try LiveSource(configuration: LiveSourceTests.configuration("local:")).probe() } catch { return error as? IIOError }
            return nil
        }
        #expect(error == .ambiguousAccelerometer(uri: "local:", candidates: ["adxl345 (iio:device0)", "lis3dh [thigh] (iio:device1)"]))
        for query in ["lis3dh", "thigh", "iio:device1"] {
            let info = try ns.perform { try LiveSource(configuration: LiveSourceTests.configuration("local:", device: query)).probe() }
            #expect(info.deviceID == "iio:device1" && info.deviceName == "lis3dh" && info.label == "thigh")
            #expect(info.axes.map(\.format.description) == ["le:s12/16>>4", "le:s12/16>>4", "le:s12/16>>4"])
        }
        let missing = try ns.perform { () -> IIOError? in
            do { _ = try LiveSource(configuration: LiveSourceTests.configuration("local:", device: "bmi160")).probe() } catch { return error as? IIOError }
            return nil
        }
        #expect(missing == .deviceNotFound(uri: "local:", query: "bmi160", available: ["adxl345 (iio:device0)", "lis3dh [thigh] (iio:device1)"]))
    }


    @Test func aDeviceWithoutAccelChannelsIsNotAnAccelerometer() throws {
        let ns = try IIONamespace()
        defer { ns.close() }
        try ns.perform {
            try IIONamespace.makeDirectory("/sys/bus/iio/devices/iio:device0")
            try "ads1015\n".write(toFile: "/sys/bus/iio/devices/iio:device0/name", atomically: false, encoding: .utf8)
            try "0\n".write(toFile: "/sys/bus/iio/devices/iio:device0/in_voltage0_raw", atomically: false, encoding: .utf8)
        }
        let error = try ns.perform { () -> IIOError? in
            do { _ = try LiveSource(configuration: LiveSourceConfiguration(address: DeviceAddress(uri: "local:", device: nil))).probe() } catch { return error as? IIOError }
            return nil
        }
        #expect(error == .noAccelerometer(uri: "local:", available: ["ads1015 (iio:device0)"]))
        let named = try ns.perform { () -> IIOError? in
            do { _ = try LiveSource(configuration: LiveSourceConfiguration(address: DeviceAddress(uri: "local:", device: "ads1015"))).probe() } catch { return error as? IIOError }
            return nil
        }
        #expect(named == .missingChannel(device: "ads1015 (iio:device0)", channel: "accel_x"))
    }
}
