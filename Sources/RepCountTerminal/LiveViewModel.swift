import RepCountCore

/// Everything the live view shows, updated by `LiveEvent`s.
///
/// A value type with no clock of its own: every update and every question that
/// depends on time takes `now` (seconds on the caller's monotonic clock), so a
/// test can drive it through a whole session and check each frame exactly.
public struct LiveViewModel: Sendable, Equatable {
    /// The rest between sets the exercises prescribe (`exercises.md`: "1 min
    /// rest between sets"), in seconds; the countdown starts from it.
    public static let prescribedRestSeconds = 60.0
    /// How many finished reps the "last holds" strip keeps.
    public static let recentRepLimit = 12
    /// The longest the hold timer is extrapolated past its last tick, in
    /// seconds: beyond it a silent daemon should show as a frozen timer, not a
    /// timer that keeps running on its own.
    public static let holdExtrapolationLimit = 1.0

    /// Where the daemon is and whether we are talking to it.
    public enum Connection: Sendable, Equatable {
        case connecting(endpoint: String)
        case connected(endpoint: String, server: String)
        case retrying(endpoint: String, reason: String, attempt: Int, retryAt: Double)
    }

    /// The rest between two sets.
    public struct Rest: Sendable, Equatable {
        /// When the set ended, on the view's clock.
        public var startedAt: Double
        public var duration: Double
        /// The set that comes next (1-based).
        public var nextSet: Int
    }

    public var connection: Connection
    public var exercise: Exercise?
    public var targets: Targets?
    /// The side of the rep in progress or last counted (bird dogs).
    public var side: Side?
    /// 1-based set in progress.
    public var set = 1
    public var repsInSet = 0
    public var movement: MovementState = .settling
    public var sensor: SensorStatus = .unknown
    /// Seconds held at `holdUpdatedAt`, while holding.
    public var holdSeconds = 0.0
    public var holdUpdatedAt = 0.0
    /// The target of the hold in progress was reached.
    public var holdTargetReached = false
    /// The last reps counted, oldest first.
    public var recentReps: [Rep] = []
    /// Reps counted and reps that met their hold target since the session began.
    public var sessionReps = 0
    public var sessionRepsOnTarget = 0
    public var setsCompleted = 0
    public var rest: Rest?
    /// All prescribed sets are done.
    public var finished = false
    /// The last error the daemon reported.
    public var notice: String?
    public var restSeconds: Double
    /// A `sensor` event arrived on this connection. The `status` reply asked
    /// for at connect time may be answered after such an event and carry an
    /// older state, so once an event has spoken the reply's sensor is ignored.
    public var sensorFromEvent = false

    public init(endpoint: String, restSeconds: Double = LiveViewModel.prescribedRestSeconds) {
        self.connection = .connecting(endpoint: endpoint)
        self.restSeconds = restSeconds
    }

    /// The hold timer as it should read at `now`, extrapolated a little past the
    /// last tick so the display runs smoothly between the daemon's updates.
    public func holdElapsed(at now: Double) -> Double {
        guard movement == .holding else { return holdSeconds }
        let extra = min(max(0, now - holdUpdatedAt), Self.holdExtrapolationLimit)
        return holdSeconds + extra
    }

    /// Seconds of rest left at `now` (may be negative: rest overran), or `nil`
    /// when not resting between sets.
    public func restRemaining(at now: Double) -> Double? {
        rest.map { $0.duration - (now - $0.startedAt) }
    }

    /// Applies an event received at `now` and returns the cues to sound.
    @discardableResult
    public mutating func apply(_ event: LiveEvent, at now: Double) -> [Cue] {
        switch event {
        case .connecting(let endpoint):
            connection = .connecting(endpoint: endpoint)
        case .connected(let endpoint, let server):
            connection = .connected(endpoint: endpoint, server: server)
            notice = nil
            sensorFromEvent = false
        case .disconnected(let endpoint, let reason, let attempt, let retryAt):
            connection = .retrying(endpoint: endpoint, reason: reason, attempt: attempt, retryAt: retryAt)
            // Neither the hold nor the sensor can be vouched for across a gap
            // in the stream; the next status reply tells again.
            if movement == .holding { movement = .rest }
            sensor = .unknown
        case .session(let exercise, let targets, let side):
            startSession(exercise: exercise, targets: targets, side: side)
        case .status(let s):
            applyStatus(s, at: now)
        case .pipeline(let e):
            return applyPipeline(e, at: now)
        case .holdTick(let seconds):
            if movement != .holding { movement = .holding }
            holdSeconds = seconds
            holdUpdatedAt = now
            if let t = targets, seconds >= t.holdSeconds, t.holdSeconds > 0, !holdTargetReached {
                // Some daemons may only tick; the cue must not depend on the
                // separate target event arriving.
                holdTargetReached = true
                return [.holdTargetReached]
            }
        case .sensor(let s):
            sensor = s
            sensorFromEvent = true
        case .sessionEnded:
            finished = true
            rest = nil
            movement = .rest
        case .error(let message):
            notice = message
        }
        return []
    }

    private mutating func startSession(exercise: Exercise, targets: Targets, side: Side?) {
        let same = self.exercise == exercise && self.targets == targets && !finished
        self.exercise = exercise
        self.targets = targets
        self.side = side ?? (exercise.hasSides ? self.side : nil)
        guard !same else { return }
        set = 1
        repsInSet = 0
        recentReps = []
        sessionReps = 0
        sessionRepsOnTarget = 0
        setsCompleted = 0
        rest = nil
        finished = false
        holdTargetReached = false
        holdSeconds = 0
    }

    private mutating func applyStatus(_ s: LiveStatus, at now: Double) {
        if let v = s.set {
            if v != set { rest = nil }
            set = v
        }
        if let v = s.repsInSet { repsInSet = v }
        if let v = s.state { movement = v }
        if let v = s.holdElapsed, movement == .holding {
            holdSeconds = v
            holdUpdatedAt = now
        }
        if let v = s.sensor, !sensorFromEvent { sensor = v }
    }

    private mutating func applyPipeline(_ e: PipelineEvent, at now: Double) -> [Cue] {
        switch e {
        case .state(let state, _):
            if state == .holding, movement != .holding {
                holdSeconds = 0
                holdUpdatedAt = now
                holdTargetReached = false
            }
            if state == .moving, movement == .rest || movement == .settling {
                // Leaving rest starts a new rep: a rest between sets is over.
                holdTargetReached = false
                holdSeconds = 0
                if rest != nil { rest = nil }
                finished = false
            }
            movement = state
        case .holdTargetReached(_, let seconds):
            holdSeconds = max(holdSeconds, seconds)
            holdUpdatedAt = now
            if !holdTargetReached {
                holdTargetReached = true
                return [.holdTargetReached]
            }
        case .rep(let rep):
            rest = nil
            set = rep.set
            repsInSet = rep.number
            if rep.side != nil { side = rep.side }
            recentReps.append(rep)
            if recentReps.count > Self.recentRepLimit { recentReps.removeFirst(recentReps.count - Self.recentRepLimit) }
            sessionReps += 1
            if !rep.isShort { sessionRepsOnTarget += 1 }
            holdSeconds = rep.holdSeconds
            if targets == nil {
                targets = Targets(holdSeconds: rep.targetHoldSeconds, reps: 0, sets: 0)
            }
        case .setEnded(let summary):
            setsCompleted = max(setsCompleted, summary.index)
            let total = targets?.sets ?? 0
            set = summary.index + 1
            repsInSet = 0
            holdTargetReached = false
            if total > 0, summary.index >= total {
                finished = true
                rest = nil
            } else {
                rest = Rest(startedAt: now, duration: restSeconds, nextSet: summary.index + 1)
            }
            return [.setEnded]
        }
        return []
    }
}
