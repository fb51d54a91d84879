import Logging
import NIOCore
import RepCountCore
import RepCountJSON
import RepCountProtocol
import RepCountStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The heart of the daemon: feeds samples to the pipeline of the session in
/// progress, writes what it counts to the history, publishes events, and
/// answers the requests that read or change the session.
///
/// An actor, so the pipeline, the session and the database handle are only
/// ever touched by one task at a time. The watchdog ping (`tick`) also goes
/// through the actor, so a wedged engine stops the pings and systemd restarts
/// the daemon.
public actor Engine {
    /// Hold-timer updates while holding, in seconds of sample time (4 Hz):
    /// often enough for a countdown that looks smooth from a mat, rare enough
    /// to cost nothing.
    public static let holdTickInterval = 0.25
    /// The tilt stream's period in seconds of sample time (10 Hz), for live gauges.
    public static let motionInterval = 0.1

    private let store: HistoryStore
    private let databasePath: String
    private let hub: EventHub
    private let logger: Logger
    private let notifier: SystemdNotifier
    private let sourceName: String
    private let placementHint: Placement?
    private var plan: Plan
    private var sensor: SensorPhase = .connecting
    private var sensorMessage: String?
    private var session: ActiveSession?
    private var lastSampleTime: Double?

    /// The session in progress.
    struct ActiveSession {
        var info: SessionInfo
        var pipeline: Pipeline
        var summary: SessionSummary
        var reps = 0
        var setsEnded = 0
        var lastHoldTick = -Double.infinity
        var lastMotion = -Double.infinity
        var ending = false
    }

    /// Opens nothing itself: `store` is the writable history, already open.
    init(
        store: HistoryStore, hub: EventHub, plan: Plan, sourceName: String, placementHint: Placement?,
        notifier: SystemdNotifier, logger: Logger
    ) {
        self.store = store
        self.databasePath = store.path
        self.hub = hub
        self.plan = plan
        self.sourceName = sourceName
        self.placementHint = placementHint
        self.notifier = notifier
        self.logger = logger
    }

    // MARK: Samples

    /// Takes one reading from the sample source.
    public func handle(_ reading: SourceReading) {
        switch reading {
        case let .sensor(phase, message):
            guard phase != sensor || message != sensorMessage else { return }
            sensor = phase
            sensorMessage = message
            var metadata: Logger.Metadata = ["sensor.state": "\(phase.rawValue)"]
            if let message { metadata["sensor.message"] = "\(message)" }
            logger.info("sensor state changed", metadata: metadata)
            publish(.sensor(phase, message: message))
            if phase == .ended, session != nil { endSession(reason: .sourceEnded) }
        case let .samples(batch):
            process(batch)
        }
    }

    private func process(_ batch: [Sample]) {
        guard let last = batch.last else { return }
        lastSampleTime = last.time
        guard session != nil else { return }
        // Events are collected, then handled: handling may end the session,
        // which must not happen while the pipeline is being mutated.
        var found: [PipelineEvent] = []
        for sample in batch {
            found.removeAll(keepingCapacity: true)
            session!.pipeline.process(sample) { found.append($0) }
            for event in found {
                handle(event)
                if session == nil { return }
            }
            publishTimers(at: sample.time)
        }
    }

    private func publishTimers(at time: Double) {
        guard let active = session else { return }
        let status = active.pipeline.status
        if status.state == .holding, time - active.lastHoldTick >= Self.holdTickInterval {
            session!.lastHoldTick = time
            publish(.hold(time: time, holdSeconds: status.holdElapsed, targetSeconds: active.info.targets.holdSeconds))
        }
        if hub.wantsMotion, time - active.lastMotion >= Self.motionInterval {
            session!.lastMotion = time
            publish(.motion(time: time, tiltDegrees: status.tiltDegrees, state: status.state), motion: true)
        }
    }

    private func handle(_ event: PipelineEvent) {
        guard let active = session else { return }
        switch event {
        case let .state(state, time):
            // The hold timer counts from the moment the pose is reached.
            if state == .holding { session!.lastHoldTick = time }
        case .holdTargetReached:
            break
        case let .rep(rep):
            session!.reps += 1
            do {
                try store.recordRep(rep, session: active.info.id, recordedAt: Self.wallClock())
            } catch {
                logger.error("could not record a rep", metadata: ["store.error": "\(error)", "set.index": "\(rep.set)"])
                publish(.error(RequestError(code: "store_error", message: "rep \(rep.number) of set \(rep.set) not saved: \(error)")))
            }
        case let .setEnded(set):
            session!.summary.record(event)
            session!.setsEnded += 1
            do {
                try store.endSet(session: active.info.id, number: set.index, endedAt: Self.wallClock())
            } catch {
                logger.error("could not record a set end", metadata: ["store.error": "\(error)", "set.index": "\(set.index)"])
            }
        }
        publish(WireEvent(event))
        if case .setEnded = event, !active.ending, session!.setsEnded >= active.info.targets.sets {
            endSession(reason: .completed)
            if let step = active.info.planStep, step + 1 < plan.steps.count {
                startSession(plan.steps[step + 1], planStep: step + 1)
            }
        }
    }

    // MARK: Sessions

    /// Starts a session (ending the one in progress). Returns its info, or
    /// `nil` if the history could not record it.
    @discardableResult
    public func startSession(_ step: Plan.Step, planStep: Int?) -> SessionInfo? {
        if session != nil { endSession(reason: .stopped) }
        let now = Self.wallClock()
        let id: SessionID
        do {
            id = try store.beginSession(
                NewSession(exercise: step.exercise, placement: step.placement, targets: step.targets, startedAt: now, source: sourceName))
        } catch {
            logger.error("could not record a new session", metadata: ["store.error": "\(error)"])
            return nil
        }
        let info = SessionInfo(
            id: id, exercise: step.exercise, placement: step.placement, targets: step.targets, startedAt: now, planStep: planStep)
        let configuration = PipelineConfiguration(exercise: step.exercise, placement: step.placement, targets: step.targets)
        session = ActiveSession(
            info: info, pipeline: Pipeline(configuration: configuration), summary: SessionSummary(configuration: configuration))
        logger.info(
            "session started",
            metadata: ["session.id": "\(id)", "session.exercise": "\(step.exercise.rawValue)", "plan.step": "\(planStep.map(String.init) ?? "-")"])
        notifier.status("\(step.exercise.rawValue): set 1")
        publish(.sessionStarted(info))
        return info
    }

    /// Ends the session in progress: closes its open set, writes the end, and
    /// publishes `set`, `session` and `summary`.
    public func endSession(reason: SessionEndReason) {
        guard session != nil, !session!.ending else { return }
        session!.ending = true
        var found: [PipelineEvent] = []
        session!.pipeline.finish { found.append($0) }
        for event in found { handle(event) }
        guard let active = session else { return }
        do {
            try store.endSession(active.info.id, endedAt: Self.wallClock(), reason: reason)
        } catch {
            logger.error("could not record a session end", metadata: ["store.error": "\(error)", "session.id": "\(active.info.id)"])
        }
        session = nil
        logger.info(
            "session ended",
            metadata: ["session.id": "\(active.info.id)", "session.reason": "\(reason.rawValue)", "session.reps": "\(active.reps)"])
        notifier.status("idle")
        publish(.sessionEnded(active.info, reason: reason.rawValue, reps: active.reps, sets: active.summary.sets.count))
        publish(.summary(active.summary))
    }

    /// Ends the session because the daemon stops (SIGTERM/SIGINT).
    public func shutdown() {
        notifier.stopping()
        endSession(reason: .shutdown)
    }

    /// Replaces the plan (SIGHUP). The session in progress keeps its targets;
    /// the new plan applies from the next step on.
    public func reload(plan: Plan) {
        self.plan = plan
        logger.info("plan reloaded", metadata: ["plan.steps": "\(plan.steps.count)"])
    }

    /// The watchdog ping. It passes through the actor, so it stops when the
    /// engine is stuck.
    public func tick() {
        notifier.watchdog()
    }

    // MARK: Requests

    /// Answers a request other than `watch`/`unwatch` with one encoded line.
    nonisolated func respond(to request: Request, id: RequestID?) async -> ByteBuffer {
        switch request {
        case let .history(from, to, exercise, limit):
            return history(request, id: id, from: from, to: to, exercise: exercise, limit: limit)
        default:
            return await respondIsolated(to: request, id: id)
        }
    }

    private func respondIsolated(to request: Request, id: RequestID?) -> ByteBuffer {
        switch request {
        case .status:
            return Self.ok(request, id: id) { w in self.writeStatus(into: &w) }
        case let .start(s):
            let step: Plan.Step
            let planStep: Int?
            if let exercise = s.exercise {
                var targets = exercise.defaultTargets
                if let r = s.reps { targets.reps = r }
                if let h = s.holdSeconds { targets.holdSeconds = h }
                if let n = s.sets { targets.sets = n }
                step = Plan.Step(exercise: exercise, placement: s.placement ?? placementHint, targets: targets)
                planStep = nil
            } else {
                step = plan.steps[0]
                planStep = 0
            }
            guard let info = startSession(step, planStep: planStep) else {
                return Self.error(id: id, code: "store_error", message: "the history database could not record the session (see the daemon's log)")
            }
            return Self.ok(request, id: id) { w in info.encodeMembers(into: &w) }
        case .stop:
            guard let active = session else { return Self.error(id: id, code: "no_session", message: "no session is running") }
            endSession(reason: .stopped)
            return Self.ok(request, id: id) { w in w.field("session", Int(active.info.id)) }
        case .next:
            guard session != nil else { return Self.error(id: id, code: "no_session", message: "no session is running") }
            var found: [PipelineEvent] = []
            session!.pipeline.endSet { found.append($0) }
            for event in found {
                handle(event)
            }
            guard let active = session else {
                return Self.ok(request, id: id) { w in w.field("session_ended", true) }
            }
            return Self.ok(request, id: id) { w in
                w.field("session", Int(active.info.id))
                w.field("set", active.pipeline.status.set)
            }
        case .watch, .unwatch, .history:
            preconditionFailure("Invalid request \(request) for the engine")
        }
    }

    private func writeStatus(into w: inout JSONWriter) {
        w.field("sensor", sensor.rawValue)
        if let sensorMessage { w.field("sensor_message", sensorMessage) }
        w.field("source", sourceName)
        w.field("time", lastSampleTime, decimals: EventEncoder.timeDecimals)
        if let active = session {
            let status = active.pipeline.status
            w.field("state", status.state.rawValue)
            w.field("hold_s", status.holdElapsed, decimals: EventEncoder.timeDecimals)
            w.field("tilt_deg", status.tiltDegrees, decimals: EventEncoder.angleDecimals)
            w.key("session")
            w.beginObject()
            active.info.encodeMembers(into: &w)
            w.field("set", status.set)
            w.field("reps_in_set", status.repsInSet)
            w.field("reps", active.reps)
            w.endObject()
        } else {
            w.field("state", "idle")
            w.key("session")
            w.null()
        }
        w.key("plan")
        w.beginArray()
        for step in plan.steps {
            w.beginObject()
            w.field("exercise", step.exercise.rawValue)
            w.field("placement", step.placement.rawValue)
            w.field("reps", step.targets.reps)
            w.field("hold_s", step.targets.holdSeconds, decimals: EventEncoder.timeDecimals)
            w.field("sets", step.targets.sets)
            w.endObject()
        }
        w.endArray()
        w.key("today")
        w.beginArray()
        do {
            for day in try store.dailyTotals(from: Self.startOfLocalDay(Self.wallClock())) {
                w.beginObject()
                w.field("exercise", day.exercise.rawValue)
                w.field("sessions", day.sessions)
                w.field("sets", day.sets)
                w.field("reps", day.reps)
                w.field("short_reps", day.shortReps)
                w.field("hold_s", day.holdSeconds, decimals: EventEncoder.timeDecimals)
                w.field("longest_hold_s", day.longestHoldSeconds, decimals: EventEncoder.timeDecimals)
                w.endObject()
            }
        } catch {
            logger.error("could not read today's totals", metadata: ["store.error": "\(error)"])
        }
        w.endArray()
        w.field("watchers", hub.watcherCount)
    }

    /// Reads history on its own read-only connection, off the actor, so a
    /// long query never delays the pipeline.
    private nonisolated func history(
        _ request: Request, id: RequestID?, from: Double?, to: Double?, exercise: Exercise?, limit: Int?
    ) -> ByteBuffer {
        let sessions: [SessionRecord]
        do {
            let reader = try HistoryStore(path: databasePath, readOnly: true)
            sessions = try reader.sessions(from: from, to: to, exercise: exercise, limit: limit)
        } catch {
            logger.error("history query failed", metadata: ["store.error": "\(error)"])
            return Self.error(id: id, code: "store_error", message: "\(error)")
        }
        return Self.ok(request, id: id) { w in
            w.key("sessions")
            w.beginArray()
            for s in sessions { HistoryEncoding.write(s, into: &w) }
            w.endArray()
        }
    }

    // MARK: Encoding

    private func publish(_ event: DaemonEvent, motion: Bool = false) {
        hub.publish(Self.line(event), motion: motion)
    }

    /// `event` as one JSON line.
    static func line(_ event: DaemonEvent) -> ByteBuffer {
        var w = JSONWriter(capacity: 256)
        event.encode(into: &w)
        return ByteBuffer(bytes: w.bytes)
    }

    private func publish(_ event: WireEvent) {
        var w = JSONWriter(capacity: 256)
        EventEncoder.encode(event, into: &w)
        hub.publish(ByteBuffer(bytes: w.bytes))
    }

    /// `{"type":"response","id":..,"request":..,"ok":true, members...}` as one line.
    static func ok(_ request: Request, id: RequestID?, _ members: (inout JSONWriter) -> Void) -> ByteBuffer {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.field("type", "response")
        w.key("id")
        RequestID.write(id, into: &w)
        w.field("request", request.name)
        w.field("ok", true)
        members(&w)
        w.endObject()
        w.newline()
        return ByteBuffer(bytes: w.bytes)
    }

    static func error(id: RequestID?, code: String, message: String) -> ByteBuffer {
        line(.error(RequestError(code: code, message: message, id: id)))
    }

    /// Wall clock, Unix seconds. Used only for when things happened on the
    /// calendar; the pipeline's own times come from the samples.
    static func wallClock() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// The Unix time of the last local midnight before `time` (process `TZ`).
    static func startOfLocalDay(_ time: Double) -> Double {
        var t = time_t(time)
        var parts = tm()
        localtime_r(&t, &parts)
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        parts.tm_isdst = -1
        return Double(mktime(&parts))
    }
}
