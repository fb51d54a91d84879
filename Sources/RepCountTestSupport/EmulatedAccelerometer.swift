import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IIO accelerometer as the kernel shows it, written as files so that
/// real libiio (local backend) reads it: `/sys/bus/iio/devices/iio:deviceN`
/// with `name`, optional `label`, `in_accel_{x,y,z}_raw`, `in_accel_scale`,
/// optional `in_accel_{x,y,z}_offset`, `sampling_frequency`(+`_available`),
/// `buffer/{enable,length,watermark}`, `scan_elements/in_*_{en,index,type}`
/// (with `in_timestamp_*` when `timestamp` is set), and a FIFO at
/// `/dev/iio:deviceN` that the harness fills with packed scans.
///
/// Install it inside an `IIONamespace` (`perform { try device.install() }`).
///
/// libiio 0.24's local backend opens `/dev/iio:deviceN` with `O_RDWR |
/// O_NONBLOCK`, tries the high-speed block ioctls (a FIFO answers ENOTTY, so
/// it falls back to plain `read()`), `poll()`s for input and reads until a
/// whole buffer is filled or the context timeout passes. A FIFO does all of
/// that; since libiio itself holds the FIFO open for writing too, a writer
/// that goes away shows up as a refill timeout, as a silent sensor does.
public struct EmulatedAccelerometer: Sendable {
    /// N in `iio:deviceN`.
    public var index: Int
    /// The `name` attribute (the driver name).
    public var name: String
    /// The `label` attribute, if any.
    public var label: String?
    /// The `scan_elements/in_accel_*_type` text, e.g. `le:s13/16>>0`.
    public var format: String
    /// The `in_accel_scale` text (m/s^2 per count).
    public var scale: String
    /// Per-axis `in_accel_{x,y,z}_offset` texts (counts), or nil for none.
    public var offsets: [String]?
    /// The `sampling_frequency` text (Hz).
    public var samplingFrequency: String
    /// The `sampling_frequency_available` text, or nil for none.
    public var availableFrequencies: String?
    /// Whether the device has the `in_timestamp` scan element (`le:s64/64>>0`).
    public var timestamp: Bool
    /// Whether the rate attributes are per channel type
    /// (`in_accel_sampling_frequency`, as some drivers have) rather than
    /// per device (`sampling_frequency`).
    public var frequencyPerChannelType: Bool

    public init(
        index: Int = 0, name: String = "adxl345", label: String? = nil, format: String = "le:s13/16>>0",
        scale: String = "0.038300", offsets: [String]? = nil, samplingFrequency: String = "100",
        availableFrequencies: String? = nil, timestamp: Bool = true, frequencyPerChannelType: Bool = false
    ) {
        self.index = index
        self.name = name
        self.label = label
        self.format = format
        self.scale = scale
        self.offsets = offsets
        self.samplingFrequency = samplingFrequency
        self.availableFrequencies = availableFrequencies
        self.timestamp = timestamp
        self.frequencyPerChannelType = frequencyPerChannelType
    }

    /// The file holding the rate: `sampling_frequency` or `in_accel_sampling_frequency`.
    public var frequencyFile: String { frequencyPerChannelType ? "in_accel_sampling_frequency" : "sampling_frequency" }

    /// `iio:deviceN`.
    public var id: String { "iio:device\(index)" }
    /// The sysfs directory.
    public var sysfsPath: String { "/sys/bus/iio/devices/\(id)" }
    /// The character device (here a FIFO).
    public var devicePath: String { "/dev/\(id)" }

    /// The scale as a number.
    public var scaleValue: Double { Double(scale)! }
    /// The offsets as numbers (zeros when none).
    public var offsetValues: [Double] { offsets?.map { Double($0)! } ?? [0, 0, 0] }

    /// Creates the sysfs tree and the FIFO (in the namespace).
    public func install() throws {
        try IIONamespace.makeDirectory("\(sysfsPath)/scan_elements")
        try IIONamespace.makeDirectory("\(sysfsPath)/buffer")
        var files: [(String, String)] = [
            ("name", name), ("in_accel_scale", scale), (frequencyFile, samplingFrequency),
            ("buffer/enable", "0"), ("buffer/length", "0"), ("buffer/watermark", "1"),
        ]
        if let label { files.append(("label", label)) }
        if let availableFrequencies { files.append(("\(frequencyFile)_available", availableFrequencies)) }
        for (i, axis) in ["x", "y", "z"].enumerated() {
            files.append(("in_accel_\(axis)_raw", "0"))
            if let offsets { files.append(("in_accel_\(axis)_offset", offsets[i])) }
            files.append(("scan_elements/in_accel_\(axis)_en", "0"))
            files.append(("scan_elements/in_accel_\(axis)_index", "\(i)"))
            files.append(("scan_elements/in_accel_\(axis)_type", format))
        }
        if timestamp {
            files.append(("scan_elements/in_timestamp_en", "0"))
            files.append(("scan_elements/in_timestamp_index", "3"))
            files.append(("scan_elements/in_timestamp_type", "le:s64/64>>0"))
        }
        for (file, text) in files {
            try (text + "\n").write(toFile: "\(sysfsPath)/\(file)", atomically: false, encoding: .utf8)
        }
        unlink(devicePath)
        try check(mkfifo(devicePath, 0o660), "mkfifo(\(devicePath))")
    }

    /// Removes the sysfs tree and the FIFO: the device is unplugged.
    public func remove() throws {
        unlink(devicePath)
        try FileManager.default.removeItem(atPath: sysfsPath)
    }

    /// Reads a sysfs attribute back (e.g. what libiio wrote to `buffer/length`).
    /// libiio writes attribute text with its terminating NUL, which the
    /// kernel ignores and so does this.
    public func read(_ file: String) throws -> String {
        try String(contentsOfFile: "\(sysfsPath)/\(file)", encoding: .utf8)
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{0}")))
    }

    /// The packed scan layout: each enabled element at an offset aligned to
    /// its own storage size, in index order, and the scan padded to the
    /// largest storage size, as the kernel's `iio_compute_scan_bytes` does.
    public var layout: (axisOffsets: [Int], timestampOffset: Int?, scanBytes: Int) {
        let axisBytes = storageBits / 8
        var offset = 0
        var axes: [Int] = []
        for _ in 0..<3 {
            offset = (offset + axisBytes - 1) / axisBytes * axisBytes
            axes.append(offset)
            offset += axisBytes
        }
        var ts: Int?
        var largest = axisBytes
        if timestamp {
            offset = (offset + 7) / 8 * 8
            ts = offset
            offset += 8
            largest = max(largest, 8)
        }
        return (axes, ts, (offset + largest - 1) / largest * largest)
    }

    private var parsed: (bigEndian: Bool, signed: Bool, bits: Int, shift: Int) {
        let t = format
        let be = t.hasPrefix("be:")
        let body = t.dropFirst(3)
        let signed = body.first == "s" || body.first == "S"
        let bits = Int(body.dropFirst().prefix(while: { $0 != "/" }))!
        let shift = Int(body[body.range(of: ">>")!.upperBound...])!
        return (be, signed, bits, shift)
    }

    private var storageBits: Int {
        let body = format.dropFirst(3)
        let after = body[body.index(after: body.firstIndex(of: "/")!)...]
        return Int(after.prefix(while: { $0.isNumber }))!
    }

    /// The range of raw values the format can carry.
    public var rawRange: ClosedRange<Int64> {
        let p = parsed
        return p.signed ? -(1 << Int64(p.bits - 1))...((1 << Int64(p.bits - 1)) - 1) : 0...((1 << Int64(p.bits)) - 1)
    }

    /// One scan's bytes: the three raw values in the channel format (shifted,
    /// in the format's byte order; bits above the value's width are filled
    /// and below the shift are filled with ones, to prove the reader masks them) and the
    /// little-endian s64 timestamp.
    public func pack(raw: (Int64, Int64, Int64), timestamp ts: Int64?) -> [UInt8] {
        let (axisOffsets, tsOffset, size) = layout
        var out = [UInt8](repeating: 0, count: size)
        let p = parsed
        let bytes = storageBits / 8
        for (i, value) in [raw.0, raw.1, raw.2].enumerated() {
            let valueMask: UInt64 = (1 << UInt64(p.bits)) - 1
            var word = (UInt64(bitPattern: value) & valueMask) << UInt64(p.shift)
            let usedMask = valueMask << UInt64(p.shift)
            let storageMask: UInt64 = bytes == 8 ? ~0 : (1 << UInt64(bytes * 8)) - 1
            word |= storageMask & ~usedMask  // junk around the value
            for b in 0..<bytes {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(8 * b))
                out[axisOffsets[i] + (p.bigEndian ? bytes - 1 - b : b)] = byte
            }
        }
        if let tsOffset, let ts {
            for b in 0..<8 { out[tsOffset + b] = UInt8(truncatingIfNeeded: UInt64(bitPattern: ts) >> UInt64(8 * b)) }
        }
        return out
    }

    /// The raw count nearest to `value` m/s^2 on `axis`: the inverse of
    /// `(raw + offset) * scale`, clamped to the format's range.
    public func rawValue(_ value: Double, axis: Int) -> Int64 {
        let r = Int64((value / scaleValue - offsetValues[axis]).rounded())
        return min(max(r, rawRange.lowerBound), rawRange.upperBound)
    }
}
