import ArgumentParser
import Foundation
import RepCountCore
import RepCountProtocol

/// The client's settings from the shared config file; unknown keys (the
/// daemon's plan and the rest) are ignored.
struct ClientConfig {
    var cueCommand: String?
    /// Exercises of the daily plan and their days per week, for adherence.
    var plan: [(exercise: Exercise, daysPerWeek: Int)] = []

    /// Reads `explicitPath` (which must exist), or the first default path that
    /// exists; no file at all means defaults.
    static func load(explicitPath: String?, environment: [String: String]) throws -> ClientConfig {
        let path: String
        if let explicitPath {
            path = explicitPath
        } else if let found = DaemonPaths.existingConfig(
            // The user's own config first, even for root, as for the history database.
            DaemonPaths.Environment(values: environment, isRoot: false))
        {
            path = found
        } else {
            return ClientConfig()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("config \(path): cannot read the file")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ValidationError("config \(path): not a JSON object")
        }
        var config = ClientConfig()
        if let v = root["cue_command"] {
            guard let s = v as? String else { throw ValidationError("config \(path): \"cue_command\" must be a string") }
            config.cueCommand = s.isEmpty ? nil : s
        }
        if let steps = root["plan"] as? [[String: Any]] {
            for (i, step) in steps.enumerated() {
                guard let name = step["exercise"] as? String, let e = Exercise(rawValue: name) else {
                    throw ValidationError("config \(path): plan[\(i)]: missing or unknown \"exercise\"")
                }
                let days = (step["days_per_week"] as? Int) ?? 7
                guard (1...7).contains(days) else {
                    throw ValidationError("config \(path): plan[\(i)]: \"days_per_week\" must be 1 to 7")
                }
                config.plan.append((e, days))
            }
        }
        return config
    }
}
