import RepCountCore
import RepCountJSON
import RepCountProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The day's program: exercises done one after the other, each with its
/// targets. `start` without an exercise runs it; when a step's sets are all
/// done the next step's session starts.
///
/// Read from a JSON file (`docs/daemon.md`):
/// ```json
/// { "plan": [
///     { "exercise": "bridge", "sets": 3, "reps": 10, "hold_s": 6 },
///     { "exercise": "bird-dog", "reps": 10, "hold_s": 5 },
///     { "exercise": "wall-sit", "reps": 10, "hold_s": 10, "placement": "thigh" } ] }
/// ```
/// Members left out take the exercise's default prescription.
public struct Plan: Sendable, Equatable {
    /// One exercise of the plan.
    public struct Step: Sendable, Equatable {
        public var exercise: Exercise
        public var placement: Placement
        public var targets: Targets

        public init(exercise: Exercise, placement: Placement? = nil, targets: Targets? = nil) {
            self.exercise = exercise
            self.placement = placement ?? exercise.defaultPlacement
            self.targets = targets ?? exercise.defaultTargets
        }
    }

    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// The default program (`../shared/exercises.md`): bridges 3 x 10 with
    /// 6 s holds, bird dogs 10 per side with 5 s holds, wall sits 10 x 10 s.
    public static let standard = Plan(steps: Exercise.allCases.map { Step(exercise: $0) })

    /// Parses a plan file's text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Plan {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch {
            throw .invalid(file: file, message: "not JSON: \(error)")
        }
        guard let list = root["plan"]?.array else {
            throw .invalid(file: file, message: "expected an object with a \"plan\" array")
        }
        var steps: [Step] = []
        for (i, item) in list.enumerated() {
            let at = "plan[\(i)]"
            guard let name = item["exercise"]?.string else {
                throw .invalid(file: file, message: "\(at): missing \"exercise\" string")
            }
            guard let exercise = Exercise(rawValue: name) else {
                throw .invalid(file: file, message: "\(at): unknown exercise \"\(name)\" (known: \(Exercise.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var placement: Placement?
            if let p = item["placement"] {
                guard let s = p.string, let v = Placement(rawValue: s) else {
                    throw .invalid(file: file, message: "\(at): \"placement\" must be one of \(Placement.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                placement = v
            }
            var targets = exercise.defaultTargets
            if let v = item["reps"] {
                guard let n = v.int, n >= 1, n <= Request.maximumCount else {
                    throw .invalid(file: file, message: "\(at): \"reps\" must be a whole number from 1 to \(Request.maximumCount)")
                }
                targets.reps = n
            }
            if let v = item["sets"] {
                guard let n = v.int, n >= 1, n <= Request.maximumCount else {
                    throw .invalid(file: file, message: "\(at): \"sets\" must be a whole number from 1 to \(Request.maximumCount)")
                }
                targets.sets = n
            }
            if let v = item["hold_s"] {
                guard let n = v.number, n >= 0, n <= Request.maximumHoldSeconds else {
                    throw .invalid(file: file, message: "\(at): \"hold_s\" must be from 0 to \(Int(Request.maximumHoldSeconds)) seconds")
                }
                targets.holdSeconds = n
            }
            steps.append(Step(exercise: exercise, placement: placement, targets: targets))
        }
        guard !steps.isEmpty else { throw .invalid(file: file, message: "the plan has no step") }
        return Plan(steps: steps)
    }

    /// Reads and parses a plan file.
    public static func load(path: String) throws(ConfigurationError) -> Plan {
        guard let f = fopen(path, "r") else {
            throw .unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // A plan is a few hundred bytes; refuse anything absurd rather than read it all.
            if bytes.count > DaemonProtocol.maximumLineBytes * 16 {
                throw .invalid(file: path, message: "larger than \(DaemonProtocol.maximumLineBytes * 16) bytes")
            }
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }
}
