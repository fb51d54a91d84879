import Foundation
import RepCountCore
import RepCountRecording
import RepCountTestSupport

/// Recordings for the tests, from the shared data beside the repository.
enum Fixtures {
    /// `shared/datasets/mex/NAME` beside the package root (CI's layout) or
    /// under /work/shared (the workplace's).
    static func mexRecording(_ name: String) -> String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            root.deletingLastPathComponent().appendingPathComponent("shared/datasets/mex/\(name)").path,
            root.appendingPathComponent("shared/datasets/mex/\(name)").path,
            "/work/shared/datasets/mex/\(name)",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// A recording re-expressed as `device` would deliver it: raw counts on
    /// its grid, nanosecond timestamps, and a CSV whose values are exactly
    /// `(raw + offset) * scale` and `ns / 1e9` (Swift prints doubles so they
    /// read back bit for bit).
    static func quantize(recording path: String, for device: EmulatedAccelerometer) throws -> (path: String, scans: [(SIMD3<Int64>, Int64)]) {
        let reader = try RecordingReader(path: path)
        var scans: [(SIMD3<Int64>, Int64)] = []
        var text = reader.metadata.entries.map { "# \($0.key): \($0.value)\n" }.joined() + "time_s,accel_x,accel_y,accel_z\n"
        let base: Int64 = 1_000_000_000_000
        let scale = device.scaleValue
        let offsets = device.offsetValues
        var first: Int64?
        while let s = try reader.next() {
            let raw = SIMD3(device.rawValue(s.accel.x, axis: 0), device.rawValue(s.accel.y, axis: 1), device.rawValue(s.accel.z, axis: 2))
            let ns = base + Int64((s.time * 1e9).rounded())
            first = first ?? ns
            scans.append((raw, ns))
            let t = Double(ns - first!) / 1e9
            let a = [0, 1, 2].map { (Double(raw[$0]) + offsets[$0]) * scale }
            text += "\(t),\(a[0]),\(a[1]),\(a[2])\n"
        }
        let out = NSTemporaryDirectory() + "repcount-quantized-\(getpid())-\(UUID().uuidString).csv"
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        return (out, scans)
    }

    /// What `repcount replay` computes: the file through `RecordingReader`
    /// into a `Pipeline` configured from its metadata.
    static func replay(_ path: String) throws -> [PipelineEvent] {
        let reader = try RecordingReader(path: path)
        var pipeline = Pipeline(configuration: PipelineConfiguration(exercise: reader.metadata.exercise!, placement: reader.metadata.placement))
        var events: [PipelineEvent] = []
        while let s = try reader.next() { pipeline.process(s) { events.append($0) } }
        pipeline.finish { events.append($0) }
        return events
    }
}
