import RepCountIIO
import Testing

struct IIOErrorTests {
    @Test func namesTheCallAndTheErrnoText() {
        let e = IIOError.call("iio_buffer_refill", "local: iio:device0", code: -110)
        #expect(e.errnoCode == 110)
        #expect(e.description == "iio_buffer_refill(local: iio:device0): Connection timed out (110)")
    }

    @Test func listsTheCandidatesWhenAmbiguous() {
        let e = IIOError.ambiguousAccelerometer(uri: "local:", candidates: ["adxl345 (iio:device0)", "lis3dh (iio:device1)"])
        #expect(e.description == "local:: several accelerometers; choose one with URI:DEVICE: adxl345 (iio:device0), lis3dh (iio:device1)")
    }

    @Test func aMissingContextIsReportedWithTheURIAndErrno() {
        // No backend has this scheme; the error still names the call and URI.
        #expect(throws: IIOError.self) { try IIOContext(uri: "bogus:") }
        do {
            _ = try IIOContext(uri: "bogus:")
        } catch {
            guard case let .call(function, target, code, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(function == "iio_create_context_from_uri" && target == "bogus:" && code > 0 && !message.isEmpty)
        }
    }
}
