import RepCountIIO
import Testing

struct DeviceAddressTests {
    @Test(arguments: [
        ("local:", "local:", nil),
        ("local:adxl345", "local:", "adxl345"),
        ("local:iio:device0", "local:", "iio:device0"),
        ("adxl345", "local:", "adxl345"),
        ("ip:192.168.2.1", "ip:192.168.2.1", nil),
        ("ip:127.0.0.1:30432", "ip:127.0.0.1:30432", nil),
        ("ip:127.0.0.1:30432:adxl345", "ip:127.0.0.1:30432", "adxl345"),
        ("ip:pluto.local:lis3dh", "ip:pluto.local", "lis3dh"),
        ("ip:[::1]:30431:iio:device1", "ip:[::1]:30431", "iio:device1"),
        ("usb:", "usb:", nil),
        ("usb:1.2.5", "usb:1.2.5", nil),
        ("usb:1.2.5:adxl345", "usb:1.2.5", "adxl345"),
    ] as [(String, String, String?)])
    func parses(text: String, uri: String, device: String?) throws {
        let a = try DeviceAddress(parsing: text)
        #expect(a == DeviceAddress(uri: uri, device: device))
        #expect(try DeviceAddress(parsing: a.description) == a)
    }

    @Test func rejectsWhatIsNotAnAddress() {
        #expect(throws: IIOError.self) { try DeviceAddress(parsing: "") }
        #expect(throws: IIOError.self) { try DeviceAddress(parsing: "serial:/dev/ttyUSB0") }
        #expect(throws: IIOError.self) { try DeviceAddress(parsing: "ip:") }
        #expect(throws: IIOError.self) { try DeviceAddress(parsing: "ip:[::1") }
    }
}
