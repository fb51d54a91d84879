import RepCountCore
import RepCountJSON

/// Reads the daemon's JSON lines (`docs/protocol.md`) into `LiveEvent`s.
///
/// Lenient on purpose, as the protocol asks of readers: member order does not
/// matter, unknown members and unknown message types are ignored, and a
/// message missing a member the view needs is skipped rather than fatal (a
/// newer daemon must not crash an older client on the mat).
public struct LiveEventDecoder: Sendable {
    /// The socket path shown on screen.
    public var endpoint: String

    public init(endpoint: String) {
        self.endpoint = endpoint
    }

    /// The events carried by one line; empty for lines the view does not use.
    public func decode(_ line: String) -> [LiveEvent] {
        guard let o = try? JSONValue.parse(line), let type = o["type"]?.string else { return [] }
        switch type {
        case "hello":
            let server = o["server"]?.string ?? "repcountd"
            let version = o["protocol"]?.int.map { " (protocol \($0))" } ?? ""
            return [.connected(endpoint: endpoint, server: server + version)]
        case "error":
            let message = o["message"]?.string ?? "unknown error"
            return [.error(o["code"]?.string.map { "\($0): \(message)" } ?? message)]
        case "sensor":
            return [.sensor(SensorStatus(word: o["state"]?.string ?? "unknown", detail: o["message"]?.string))]
        case "hold":
            guard let hold = o["hold_s"]?.number else { return [] }
            return [.holdTick(seconds: hold)]
        case "session":
            if o["phase"]?.string == "ended" { return [.sessionEnded] }
            guard let session = Self.session(o) else { return [] }
            return [session]
        case "state":
            guard let state = o["state"]?.string.flatMap(MovementState.init(rawValue:)) else { return [] }
            return [.pipeline(.state(state, time: o["time"]?.number ?? 0))]
        case "hold_target_reached":
            return [.pipeline(.holdTargetReached(time: o["time"]?.number ?? 0, holdSeconds: o["hold_s"]?.number ?? 0))]
        case "rep":
            guard let set = o["set"]?.int, let number = o["rep"]?.int, let hold = o["hold_s"]?.number else { return [] }
            let start = o["start"]?.number ?? 0
            let end = o["end"]?.number ?? start
            let rep = Rep(
                set: set, number: number, start: start, holdStart: o["hold_start"]?.number ?? start,
                holdEnd: o["hold_end"]?.number ?? end, end: end, holdSeconds: hold,
                targetHoldSeconds: o["target_hold_s"]?.number ?? 0, side: o["side"]?.string.flatMap(Side.init(rawValue:)),
                peakDegrees: o["peak_deg"]?.number ?? 0)
            return [.pipeline(.rep(rep))]
        case "set":
            guard let set = o["set"]?.int else { return [] }
            let summary = SetSummary(index: set, reps: [], start: o["start"]?.number ?? 0, end: o["end"]?.number ?? 0)
            return [.pipeline(.setEnded(summary))]
        case "response":
            guard o["request"]?.string == "status" else {
                if o["ok"]?.bool == false, let message = o["message"]?.string { return [.error(message)] }
                return []
            }
            return status(o)
        default:
            return []
        }
    }

    /// A `status` reply: the sensor, and the session in progress if any.
    func status(_ o: JSONValue) -> [LiveEvent] {
        var s = LiveStatus()
        if let sensor = o["sensor"]?.string { s.sensor = SensorStatus(word: sensor, detail: o["sensor_message"]?.string) }
        guard let session = o["session"], session.object != nil else {
            return [.status(s)]
        }
        var events: [LiveEvent] = []
        if let started = Self.session(session) { events.append(started) }
        s.set = session["set"]?.int
        s.repsInSet = session["reps_in_set"]?.int
        s.state = o["state"]?.string.flatMap(MovementState.init(rawValue:))
        s.holdElapsed = o["hold_s"]?.number
        events.append(.status(s))
        return events
    }

    static func session(_ o: JSONValue) -> LiveEvent? {
        guard let exercise = o["exercise"]?.string.flatMap(Exercise.init(rawValue:)) else { return nil }
        let d = exercise.defaultTargets
        let targets = Targets(
            holdSeconds: o["target_hold_s"]?.number ?? d.holdSeconds, reps: o["target_reps"]?.int ?? d.reps,
            sets: o["target_sets"]?.int ?? d.sets)
        return .session(exercise: exercise, targets: targets, side: nil)
    }
}
