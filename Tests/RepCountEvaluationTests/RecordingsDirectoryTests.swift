import Foundation
import RepCountRecording
import RepCountTestSupport
import Testing

/// The bundled `Recordings/` are fixtures the whole project measures itself
/// on, so their integrity is tested: every labels file follows the schema and
/// sits beside its recording, and the Python tools that made or labelled them
/// still reproduce what is committed.
@Suite struct RecordingsDirectoryTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let recordings = root.appendingPathComponent("Recordings").path

    static var labelFiles: [String] {
        let walker = FileManager.default.enumerator(atPath: recordings)
        return (walker?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".labels.json") }.sorted()
    }

    @Test func everyLabelsFileIsValidAndHasItsRecording() throws {
        let files = Self.labelFiles
        #expect(files.count >= 24 + 20)
        for file in files {
            let path = Self.recordings + "/" + file
            let labels = try Labels.read(path: path)
            #expect(!labels.sets.isEmpty, "\(file) has no sets")
            let csv = String(path.dropLast(".labels.json".count)) + ".csv"
            #expect(FileManager.default.fileExists(atPath: csv), "\(file) has no recording beside it")
        }
    }

    /// Python 3 with what the tools import (installed by .ci/setup).
    static let pythonReady: Bool = run(["python3", "-c", "import numpy, scipy, matplotlib, pytest"]).status == 0

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        guard let run = try? ProcessRun("/usr/bin/env", arguments, directory: root, errorOutput: .mergedIntoOutput) else {
            return (-1, "cannot run \(arguments[0])")
        }
        return (run.status, run.stdout)
    }

    @Test(.enabled(if: pythonReady, "needs python3 with numpy, scipy, matplotlib, pytest (bash .ci/setup)"))
    func realRecordingLabelsReproduceFromTheLabellingTool() {
        let result = Self.run(["python3", "Recordings/tools/label_mex.py", "--check"])
        #expect(result.status == 0, "\(result.output.suffix(2000))")
    }

    @Test(.enabled(if: pythonReady, "needs python3 with numpy, scipy, matplotlib, pytest (bash .ci/setup)"))
    func recordingToolsPassTheirTests() {
        let result = Self.run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "Recordings/tools"])
        #expect(result.status == 0, "\(result.output.suffix(2000))")
    }
}
