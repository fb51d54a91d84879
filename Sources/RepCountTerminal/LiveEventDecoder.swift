import Foundation
import RepCountCore

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
        guard let data = line.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let type = object["type"] as? String
        else { return [] }
        let o = Members(object)
        switch type {
        case "hello":
            let server = o.string("server") ?? "repcountd"
            let version = o.int("protocol").map { " (protocol \($0))" } ?? ""
            return [.connected(endpoint: endpoint, server: server + version)]
        case "error":
            let message = o.string("message") ?? "unknown error"
            return [.error(o.string("code").map { "\($0): \(message)" } ?? message)]
        case "sensor":
            return [.sensor(SensorStatus(word: o.string("state") ?? "unknown", detail: o.string("message")))]
        case "hold":
            guard let hold = o.double("hold_s") else { return [] }
            return [.holdTick(seconds: hold)]
        case "session":
            if o.string("phase") == "ended" { return [.sessionEnded] }
            guard let session = Self.session(o) else { return [] }
            return [session]
        case "state":
            guard let state = o.string("state").flatMap(MovementState.init(rawValue:)) else { return [] }
            return [.pipeline(.state(state, time: o.double("time") ?? 0))]
        case "hold_target_reached":
            return [.pipeline(.holdTargetReached(time: o.double("time") ?? 0, holdSeconds: o.double("hold_s") ?? 0))]
        case "rep":
            guard let set = o.int("set"), let number = o.int("rep"), let hold = o.double("hold_s") else { return [] }
            let start = o.double("start") ?? 0
            let end = o.double("end") ?? start
            let rep = Rep(
                set: set, number: number, start: start, holdStart: o.double("hold_start") ?? start,
                holdEnd: o.double("hold_end") ?? end, end: end, holdSeconds: hold,
                targetHoldSeconds: o.double("target_hold_s") ?? 0, side: o.string("side").flatMap(Side.init(rawValue:)),
                peakDegrees: o.double("peak_deg") ?? 0)
            return [.pipeline(.rep(rep))]
        case "set":
            guard let set = o.int("set") else { return [] }
            let summary = SetSummary(index: set, reps: [], start: o.double("start") ?? 0, end: o.double("end") ?? 0)
            return [.pipeline(.setEnded(summary))]
        case "response":
            guard o.string("request") == "status" else {
                if o.bool("ok") == false, let message = o.string("message") { return [.error(message)] }
                return []
            }
            return status(o)
        default:
            return []
        }
    }

    /// A `status` reply: the sensor, and the session in progress if any.
    func status(_ o: Members) -> [LiveEvent] {
        var s = LiveStatus()
        if let sensor = o.string("sensor") { s.sensor = SensorStatus(word: sensor, detail: o.string("sensor_message")) }
        guard let session = o.object("session") else {
            return [.status(s)]
        }
        var events: [LiveEvent] = []
        if let started = Self.session(session) { events.append(started) }
        s.set = session.int("set")
        s.repsInSet = session.int("reps_in_set")
        s.state = o.string("state").flatMap(MovementState.init(rawValue:))
        s.holdElapsed = o.double("hold_s")
        events.append(.status(s))
        return events
    }

    static func session(_ o: Members) -> LiveEvent? {
        guard let exercise = o.string("exercise").flatMap(Exercise.init(rawValue:)) else { return nil }
        let d = exercise.defaultTargets
        let targets = Targets(
            holdSeconds: o.double("target_hold_s") ?? d.holdSeconds, reps: o.int("target_reps") ?? d.reps,
            sets: o.int("target_sets") ?? d.sets)
        return .session(exercise: exercise, targets: targets, side: nil)
    }

    /// Typed, forgiving access to a JSON object's members.
    struct Members {
        let object: [String: Any]
        init(_ object: [String: Any]) { self.object = object }

        func string(_ key: String) -> String? { object[key] as? String }

        func double(_ key: String) -> Double? {
            guard let n = object[key] as? NSNumber, !Self.isBool(n) else { return nil }
            return n.doubleValue
        }

        func int(_ key: String) -> Int? {
            guard let d = double(key), d == d.rounded(), abs(d) < 1e15 else { return nil }
            return Int(d)
        }

        func bool(_ key: String) -> Bool? {
            guard let n = object[key] as? NSNumber, Self.isBool(n) else { return nil }
            return n.boolValue
        }

        func object(_ key: String) -> Members? {
            (object[key] as? [String: Any]).map(Members.init)
        }

        /// JSONSerialization bridges `true`/`false` to NSNumbers too; tell them apart.
        static func isBool(_ n: NSNumber) -> Bool {
            String(cString: n.objCType) == "c" || type(of: n) == type(of: NSNumber(value: true))
        }
    }
}
