import RepCountCore

/// One line of text per event, for `--plain` and for output that is not a
/// terminal (a log, a pipe, a screen reader): the same facts as the full
/// screen, in order, without escape sequences.
public struct PlainEventFormatter: Sendable {
    public init() {}

    /// The line for `event` given the model after it was applied, or `nil` for
    /// events that would only add noise (hold ticks, unchanged states).
    public func line(for event: LiveEvent, model: LiveViewModel) -> String? {
        switch event {
        case .connecting(let endpoint):
            return "connecting to \(endpoint)"
        case .connected(let endpoint, let server):
            return "connected to \(server) at \(endpoint)"
        case .disconnected(let endpoint, let reason, let attempt, _):
            return "daemon unreachable at \(endpoint) (\(reason)); reconnecting (attempt \(attempt))"
        case .session(let exercise, let targets, _):
            var s = "session: \(exercise.rawValue), \(targets.sets) x \(targets.reps)"
            if exercise.hasSides { s += " per side" }
            if targets.holdSeconds > 0 { s += ", hold \(NumberFormat.seconds(targets.holdSeconds)) s" }
            return s
        case .status(let s):
            var parts: [String] = []
            if let e = model.exercise { parts.append(e.rawValue) } else { parts.append("no session") }
            if model.exercise != nil, let set = s.set { parts.append("set \(set)") }
            if model.exercise != nil, let r = s.repsInSet { parts.append("\(r) reps") }
            if let sensor = s.sensor { parts.append("sensor \(sensor.text)") }
            return "status: " + parts.joined(separator: ", ")
        case .pipeline(.state(let state, _)):
            switch state {
            case .settling: return "keep still: learning the rest pose"
            case .holding: return "holding"
            case .rest, .moving: return nil
            }
        case .pipeline(.holdTargetReached(_, let seconds)):
            return "hold target reached (\(NumberFormat.fixed(seconds, 1)) s)"
        case .pipeline(.rep(let rep)):
            let target = model.targets?.reps ?? 0
            var s = "set \(rep.set) rep \(rep.number)" + (target > 0 ? " of \(target)" : "")
            if let side = rep.side { s += " (\(side.rawValue))" }
            s += ": hold \(NumberFormat.fixed(rep.holdSeconds, 1)) s"
            if rep.targetHoldSeconds > 0 {
                s += " of \(NumberFormat.seconds(rep.targetHoldSeconds)) s " + (rep.isShort ? "SHORT" : "ok")
            }
            return s
        case .pipeline(.setEnded(let summary)):
            if model.finished {
                return "set \(summary.index) done; all sets done (\(model.sessionReps) reps, \(model.sessionRepsOnTarget) held to target)"
            }
            return "set \(summary.index) done; rest \(NumberFormat.seconds(model.restSeconds)) s before set \(summary.index + 1)"
        case .holdTick:
            return nil
        case .sensor(let s):
            return "sensor: \(s.text)" + (s.detail.map { " (\($0))" } ?? "")
        case .sessionEnded:
            return "session ended"
        case .error(let message):
            return "daemon error: \(message)"
        }
    }
}
