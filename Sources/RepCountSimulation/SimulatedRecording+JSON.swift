import Foundation
import RepCountRecording

extension SimulatedRecording {
    /// The labels as `NAME.labels.json` text (the shared format, via `Labels`'
    /// Codable conformance), keys sorted so the bytes are stable.
    public func labelsJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain numbers, strings and null cannot fail.
        let data = try! encoder.encode(labels)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
