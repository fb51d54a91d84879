import Foundation
import RepCountCore
import RepCountRecording

/// A recording re-expressed as an emulated device would deliver it: raw
/// counts on the device's grid, nanosecond timestamps, and the CSV text of
/// exactly what a correct reader of that device gets back, values
/// `(raw + offset) * scale` and times `(ns - first ns) / 1e9` (Swift prints
/// doubles so that they read back bit for bit).
public struct QuantizedRecording: Sendable {
    /// One scan: raw x, y, z and the timestamp (ns).
    public var scans: [(raw: SIMD3<Int64>, timestamp: Int64)]
    /// The recording as CSV, with the source's metadata lines.
    public var csv: String

    /// Device clock of the first sample, ns: an arbitrary non-zero epoch, so
    /// that a reader which forgot to subtract it would be caught.
    public static let epoch: Int64 = 1_000_000_000_000

    public init(path: String, device: EmulatedAccelerometer) throws {
        let reader = try RecordingReader(path: path)
        let scale = device.scaleValue
        let offsets = device.offsetValues
        var scans: [(raw: SIMD3<Int64>, timestamp: Int64)] = []
        var csv = reader.metadata.entries.map { "# \($0.key): \($0.value)\n" }.joined() + "time_s,accel_x,accel_y,accel_z\n"
        var first: Int64?
        while let s = try reader.next() {
            let raw = SIMD3(device.rawValue(s.accel.x, axis: 0), device.rawValue(s.accel.y, axis: 1), device.rawValue(s.accel.z, axis: 2))
            let ns = Self.epoch + Int64((s.time * 1e9).rounded())
            first = first ?? ns
            scans.append((raw, ns))
            let a = [0, 1, 2].map { (Double(raw[$0]) + offsets[$0]) * scale }
            csv += "\(Double(ns - first!) / 1e9),\(a[0]),\(a[1]),\(a[2])\n"
        }
        self.scans = scans
        self.csv = csv
    }

    /// Scan `i`, repeating the recording end to end (times keep increasing:
    /// each repetition starts one median sample period after the last).
    public func scan(_ i: Int) -> (raw: SIMD3<Int64>, timestamp: Int64) {
        let n = scans.count
        let span = scans[n - 1].timestamp - scans[0].timestamp + (scans[n - 1].timestamp - scans[0].timestamp) / Int64(max(n - 1, 1))
        let s = scans[i % n]
        return (s.raw, s.timestamp + Int64(i / n) * span)
    }
}
