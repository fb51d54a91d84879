import Foundation
import RepCountIIO
import RepCountTestSupport
import Testing

struct ScanFormatTests {
    @Test(arguments: ["le:s13/16>>0", "le:s12/16>>4", "be:s16/16>>0", "le:u10/16>>6", "be:s20/32>>4", "le:s64/64>>0", "le:s24/32X2>>0", "be:U12/16>>0"])
    func parsesAndPrintsTheKernelText(text: String) throws {
        let f = try #require(ScanFormat(parsing: text))
        #expect(f.description == text)
    }

    @Test func parsesTheFields() throws {
        let f = try #require(ScanFormat(parsing: "be:s12/16>>4\n"))
        #expect(f == ScanFormat(bits: 12, storageBits: 16, shift: 4, isSigned: true, isBigEndian: true))
        #expect(!f.isFullyDefined)
        // Upper case only matters when bits < storage: S64/64 is s64/64.
        #expect(ScanFormat(parsing: "le:S64/64>>0") == ScanFormat(parsing: "le:s64/64>>0"))
        #expect(ScanFormat(parsing: "be:U12/16>>0")?.isFullyDefined == true)
        #expect(ScanFormat(parsing: "xx:s12/16>>4") == nil)
        #expect(ScanFormat(parsing: "le:q12/16>>4") == nil)
        #expect(ScanFormat(parsing: "le:s12/16") == nil)
        #expect(ScanFormat(parsing: "le:s24/32X2>>0")?.isSupported == false)  // repeated channels are not accelerometer axes
    }

    /// Known bytes: the values a datasheet would give.
    @Test func decodesKnownBytes() {
        func decode(_ text: String, _ bytes: [UInt8]) -> Int64 {
            bytes.withUnsafeBytes { ScanFormat(parsing: text)!.decode($0.baseAddress!) }
        }
        // ADXL345: 13-bit two's complement, little-endian, upper bits sign-extended by the chip.
        #expect(decode("le:s13/16>>0", [0x00, 0xF0]) == -4096)
        #expect(decode("le:s13/16>>0", [0xFF, 0x0F]) == 4095)
        #expect(decode("le:s13/16>>0", [0xFF, 0xEF]) == 4095)  // junk above bit 12 is masked
        // LIS3DH: 12 bits left-justified in 16.
        #expect(decode("le:s12/16>>4", [0x10, 0x00]) == 1)
        #expect(decode("le:s12/16>>4", [0xF0, 0xFF]) == -1)
        #expect(decode("le:s12/16>>4", [0x0F, 0x80]) == -2048)
        // Big-endian 16 bit.
        #expect(decode("be:s16/16>>0", [0x80, 0x00]) == -32768)
        #expect(decode("be:s16/16>>0", [0x01, 0x02]) == 258)
        // Unsigned 10 bits, shifted by 6.
        #expect(decode("le:u10/16>>6", [0xC0, 0xFF]) == 1023)
        // The s64 timestamp.
        #expect(decode("le:s64/64>>0", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == -1)
        #expect(decode("le:s64/64>>0", [0x00, 0xCA, 0x9A, 0x3B, 0, 0, 0, 0]) == 1_000_000_000)
    }

    /// `decode` against libiio's own `iio_channel_convert`, for every value of
    /// several formats, with junk around the value, on the emulated device.
    @Test(
        .enabled(if: Emulation.available, "needs root and unshare(2): \(Emulation.skipReason)"),
        arguments: ["le:s13/16>>0", "le:s12/16>>4", "be:s16/16>>0", "be:s14/16>>2", "le:u10/16>>6", "be:s20/32>>4"])
    func agreesWithLibiio(format: String) throws {
        let device = EmulatedAccelerometer(format: format)
        let ns = try IIONamespace()
        defer { ns.close() }
        try ns.perform { try device.install() }
        let mismatches = try ns.perform { () -> [String] in
            let context = try IIOContext(uri: "local:")
            let channel = try #require(context.device("adxl345")?.channel("accel_x"))
            let f = channel.format
            #expect(f.description == format)
            let r = device.rawRange
            let stride = max(1, (r.upperBound - r.lowerBound) / 5000)
            var bad: [String] = []
            for v in Swift.stride(from: r.lowerBound, through: r.upperBound, by: Int(stride)) {
                let scan = device.pack(raw: (v, 0, 0), timestamp: 0)
                let (ours, theirs) = scan.withUnsafeBytes { (f.decode($0.baseAddress!), channel.convertWithLibiio($0.baseAddress!)) }
                if ours != v || theirs != v { bad.append("\(v): ours \(ours), libiio \(theirs)") }
            }
            return bad
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
