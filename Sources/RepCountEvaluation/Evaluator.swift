import Foundation
import RepCountCore
import RepCountRecording

/// One labelled recording run through the counter and scored.
public struct EvaluatedRecording: Sendable {
    public var path: String
    public var exercise: Exercise
    public var placement: Placement
    public var reps: [Rep]
    public var labels: Labels
    public var score: RecordingScore
}

/// Runs labelled recordings through the same `Pipeline` that `repcount replay`
/// and the daemon use, and scores the result against the labels.
public enum Evaluator {
    /// The labelled recordings named by `paths`: files as given, directories
    /// searched recursively for `NAME.csv` with `NAME.labels.json` beside it.
    /// Sorted, so that reports are stable.
    public static func recordings(in paths: [String]) throws(RecordingError) -> [String] {
        var found: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .cannotOpen(file: path, reason: "No such file or directory")
            }
            if !isDirectory.boolValue {
                found.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".csv") {
                let file = (path as NSString).appendingPathComponent(relative)
                if fm.fileExists(atPath: Labels.path(forRecording: file)) { found.append(file) }
            }
        }
        return found.sorted()
    }

    /// Counts one recording and scores it against its labels.
    ///
    /// The exercise and placement come from the labels: they are the truth of
    /// what was recorded, and the counter is told what the user would tell it.
    public static func evaluate(path: String) throws(RecordingError) -> EvaluatedRecording {
        let labels = try Labels.read(path: Labels.path(forRecording: path))
        let reader = try RecordingReader(path: path)
        var pipeline = Pipeline(
            configuration: reader.metadata.pipelineConfiguration(exercise: labels.exercise, placement: labels.placement))
        var reps: [Rep] = []
        var sets = 0
        let collect: (PipelineEvent) -> Void = { event in
            switch event {
            case let .rep(rep): reps.append(rep)
            case .setEnded: sets += 1
            default: break
            }
        }
        while let sample = try reader.next() { pipeline.process(sample, collect) }
        pipeline.finish(collect)
        let score = RecordingScore(counted: reps, countedSets: sets, labels: labels)
        return EvaluatedRecording(
            path: path, exercise: labels.exercise, placement: labels.placement, reps: reps, labels: labels, score: score)
    }

    /// Evaluates many recordings on all cores; results in the order given.
    public static func evaluate(paths: [String]) async throws(RecordingError) -> [EvaluatedRecording] {
        do {
            return try await withThrowingTaskGroup(of: (Int, EvaluatedRecording).self) { group in
                var results = [EvaluatedRecording?](repeating: nil, count: paths.count)
                var next = 0
                let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
                func add() {
                    let i = next, path = paths[i]
                    group.addTask { (i, try evaluate(path: path)) }
                    next += 1
                }
                while next < min(width, paths.count) { add() }
                while let (i, result) = try await group.next() {
                    results[i] = result
                    if next < paths.count { add() }
                }
                return results.map { $0! }
            }
        } catch let error as RecordingError {
            throw error
        } catch {
            preconditionFailure("evaluation tasks throw only RecordingError: \(error)")
        }
    }
}
