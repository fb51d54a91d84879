import Foundation
import RepCountRecording

extension SimulatedRecording {
    /// Writes `NAME.csv` (through `RecordingWriter`) and `NAME.labels.json` into
    /// `directory`, replacing them.
    public func write(toDirectory directory: String) throws {
        let stem = directory + "/" + spec.name
        let writer = try RecordingWriter(path: stem + ".csv", metadata: metadata,
                                         timeDecimals: Self.timeDecimals, valueDecimals: Self.accelDecimals)
        for s in samples { try writer.write(s) }
        try writer.close()
        let path = stem + ".labels.json"
        do {
            try Data(labelsJSON().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SimulationError.cannotWrite(file: path, reason: (error as NSError).localizedDescription)
        }
    }
}

extension SimulatedRecording {
    /// The labels as `NAME.labels.json` text (the shared format, via `Labels`'
    /// Encodable conformance), keys sorted so the bytes are stable.
    public func labelsJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain numbers, strings and null cannot fail.
        let data = try! encoder.encode(labels)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
