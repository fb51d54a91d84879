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

    /// The recording as `device` would deliver it, written to a temporary CSV.
    static func quantize(recording path: String, for device: EmulatedAccelerometer) throws -> (path: String, scans: [(SIMD3<Int64>, Int64)]) {
        let q = try QuantizedRecording(path: path, device: device)
        let out = NSTemporaryDirectory() + "repcount-quantized-\(getpid())-\(UUID().uuidString).csv"
        try q.csv.write(toFile: out, atomically: true, encoding: .utf8)
        return (out, q.scans.map { ($0.raw, $0.timestamp) })
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
