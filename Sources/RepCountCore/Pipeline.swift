/// The streaming rep counter: samples in, events out.
///
/// Stages, in the order data flows (each a value type in its own file):
/// 0. `GlitchFilter`: a one-sample jump of a g or more that its neighbours do not share
///    is a sensor glitch, not motion; it is replaced by their mean.
/// 1. `SampleClock`: intervals from the sample times; repeated stamps and gaps
///    (a gap restarts the filters instead of inventing motion across it).
/// 2. `GravityEstimator`: low-passed gravity (orientation) and activity (walking).
/// 3. `TickResampler`: onto a fixed 25 Hz grid, so everything after it behaves the
///    same at 50 and 400 Hz and costs little per sample.
/// 4. `StillnessDetector`: runs of a still orientation (rest, holds, new postures).
/// 5. `RestPoseFinder` with `SettlingBuffer`: the rest pose, found from the poses
///    the user is still in (and found again after a posture change), with the
///    ticks seen meanwhile replayed from it. Here: the rest pose follows slow drift.
/// 6. Excursions from rest with hysteresis (here), on the tilt from the rest pose,
///    kept in `TiltHistory`.
/// 7. `RepTimer`: boundaries and hold of a finished excursion.
/// 8. Rejection (`isRep`, with `AmplitudeTracker`, `DurationTracker`,
///    `DirectionModel` and `SideClassifier.fits`): too small or too big for the
///    session's reps, too short, the wrong way, while walking, cut by the start of
///    the input, getting into position, or longer than any hold (a posture change).
///    A thigh bird dog's first rep waits for the second to confirm its direction; a
///    first rep found while the rest pose was being decided waits for the next rep (or
///    the end of the replay), and is dropped if the user moves to another posture first.
/// 9. `SideClassifier`: left/right for bird dogs on the lower back.
/// 10. `SetSegmenter`: sets split by a long rest or a posture change.
///
/// Until the rest pose is known, input is buffered; once it is, the buffer is
/// replayed, so the events of the first seconds of a session (or after a posture
/// change) arrive together and carry earlier times than the `.state(.rest)` that
/// announced the rest pose. The first pause after getting into position is taken
/// as rest on trust while a copy of the pipeline goes on searching (`trial`): the
/// live state and hold timer run from it, and its reps and sets are the copy's,
/// given once the copy has decided (after live states with later times).
///
/// Thresholds per exercise and placement are in `ExerciseProfile`. Time comes only
/// from the samples, so a replay reproduces a live session exactly. After `init`
/// nothing allocates per sample; a rep appends to its set, a new rest-pose search
/// copies its buffer once, and a pause taken on trust copies the pipeline once.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    public private(set) var status: PipelineStatus

    private let profile: ExerciseProfile
    /// Seconds away from rest after which an excursion is a new posture, not a rep:
    /// the longest hold plus time for the ramps (`ExerciseProfile.maximumHoldSeconds`
    /// plus `rampAllowanceSeconds`), and within the history kept.
    private let maximumRepSeconds: Double
    /// Seconds subtracted from tick times to report times on the sample axis.
    private let delay = GravityEstimator.delay

    /// Stages 0-3, from samples to ticks: they see every sample, whatever the rep logic
    /// makes of the ticks, so a trial's verdict takes them over as they are.
    private struct Input: Sendable {
        var glitches = GlitchFilter()
        var clock = SampleClock()
        var gravity = GravityEstimator()
        var resampler = TickResampler()
        /// Whether the next tick follows a gap (or the first sample).
        var restartPending = false
    }

    private var input = Input()
    private var still: StillnessDetector
    /// The same in a band `settledBandFactor` times as wide, restarted as each excursion
    /// starts and fed only during one: whether the user has settled after moving beyond
    /// any rep.
    private var settled: StillnessDetector
    private var history: TiltHistory
    private var amplitude: AmplitudeTracker
    private var durations = DurationTracker()
    private var direction = DirectionModel()
    private var sides = SideClassifier()
    private var sets = SetSegmenter()
    private var rateFilter = LowPassFilter<Double>(timeConstant: Pipeline.rateTimeConstant)
    private var finder: RestPoseFinder
    private var settling: SettlingBuffer

    private enum Phase: Sendable, Equatable {
        /// No rest pose yet.
        case settling
        /// At rest.
        case rest
        /// Away from rest since history entry `from`.
        case excursion
    }

    private var phase = Phase.settling
    private var rest = Vector3(0, 0, 1)
    /// The rest pose at the last counted rep: after a posture change, coming back to it
    /// is coming back to the exercise.
    private var referenceRest: Vector3?
    private var lastTilt = 0.0
    private var lastTickTime = -Double.infinity

    // The excursion in progress.
    private var from = 0
    private var enterTime = 0.0
    private var peak = 0.0
    /// Tick time at which walking-level activity made the excursion in progress not a
    /// rep, or infinity.
    private var disturbedTime = Double.infinity
    private var walkingTicks = 0
    /// History index since which the tilt has stayed below `driftedExitFraction` of the
    /// peak, or -1.
    private var belowSince = -1
    /// History index of the lowest tilt since the tilt fell below `splitFraction` (or
    /// `cutValleyFraction`) of the peak, or -1.
    private var valley = -1
    /// The peak before `valley`, degrees.
    private var valleyPeak = 0.0
    /// History index of the first valley of the excursion in progress that was followed by
    /// a rise half way back up, or -1; and the peak before it.
    private var cut = -1
    private var cutPeak = 0.0
    /// Whether the excursion in progress began after a moment at rest: not one already
    /// under way when the input (or the replay from a new rest pose) started, which may
    /// be a rep the recording cut into, nor a bounce straight out of the last rep.
    private var fromRest = false
    /// Whether the current rest follows an excursion that was not a rep and began at rest.
    private var restContinues = false
    /// Whether the excursion in progress followed a wait at rest of `firstRepWaitSeconds`
    /// with a still stretch of `RestPoseFinder.minimumRunSeconds` in it (a pose held, not
    /// a gap between steps), a rest that began with the input, or a rep the input began in.
    private var waited = false
    /// Whether the input began in a rep (`isCutRep`): the user was exercising already, so
    /// the first full rep needs no wait before it.
    private var startedInRep = false
    /// Start of that wait: of the rest, unless only a wobble too small for a rep (the
    /// pelvis settling after getting onto all fours) has interrupted it since.
    private var waitSince = 0.0
    /// Longest still stretch at rest since `waitSince`, seconds: a wait is a pause, not
    /// the gaps between the steps of walking to the wall.
    private var stillInWait = 0.0
    /// Reps counted in the session.
    private var sessionReps = 0
    /// The session's first rep, waiting for the next: to confirm its direction (a thigh
    /// bird dog), or that the user stayed in position (`beforeFirst`).
    private var pendingFirst: Candidate?
    /// What the session had learnt before `pendingFirst`, when that rep was found in a
    /// replay: it already counts toward the session's size, duration, sides and
    /// reference rest, as a counted rep would; if the user moves beyond any rep (or
    /// walks) before the next rep, it was a move on the way into position, and they are
    /// undone. (Its direction is learnt only when it is counted.)
    private var beforeFirst: BeforeFirstRep?
    private struct BeforeFirstRep: Sendable {
        var amplitude: AmplitudeTracker
        var durations: DurationTracker
        var sides: SideClassifier
        var referenceRest: Vector3?
    }
    /// Whether the current rest began with the end of a counted rep (not with a re-learnt
    /// rest pose, the start of the input or a rejected excursion).
    private var backFromRep = false
    /// Reps counted in the set before a rep's end vouches for the rest after it: the
    /// first counted moves may be settling into position (shuffling against the wall),
    /// and a chain of quick moves must not hang off one of those.
    static let establishedReps = 3
    /// Tick time since which the pipeline has been at rest.
    private var restSince = 0.0
    /// Time of the first tick replayed from the last rest pose found.
    private var replayStart = -Double.infinity
    private var displacementSum = Vector3.zero
    /// Ticks summed into `displacementSum`: their mean is the held pose.
    private var displacementTicks = 0
    /// The squared chord of the peak tilt, and the peak it was taken for.
    private var peakChordSquared = 0.0
    private var peakChordDegrees = -1.0
    private var holding = false
    private var liveHoldStart = 0.0
    private var targetAnnounced = false
    /// Time of the first sample, and of the last state event: state events are clamped
    /// to neither precede the input nor go back in time.
    private var firstSampleTime = Double.nan
    private var lastStateTime = -Double.infinity

    /// While the first pause after a posture change is taken as rest on trust
    /// (`RestPoseFinder.arrival`): the pipeline as it was before, still searching and fed
    /// every tick. Its verdict replaces this pipeline. Meanwhile this one runs from the
    /// trusted pose so that the live state and hold timer go on; its reps and sets wait
    /// for the verdict. (An array for the indirection a value type needs to hold one of
    /// its own kind; never more than one element.)
    private var trial: [Pipeline] = []
    /// The reps and sets the trial has found so far (it may decide, then search again
    /// after a posture change in its replay, before its verdict).
    private var trialEvents: [PipelineEvent] = []
    /// Whether this pipeline's arrival is already on trial (the searching copy's).
    private var trusted = false
    /// Whether buffered ticks are being replayed: a trial starts only on a live tick (a
    /// replay is not watched as it happens; the trial is fed live ticks only, by `live`).
    private var replaying = false
    /// Poses the user was still in (`RestPoseFinder.approach`), and as they were when the
    /// settling buffer began, for its replay.
    private var recent = RecentPoses()
    private var recentAtBufferStart = RecentPoses()

    /// Seconds at rest before an excursion for it to be a rep: an excursion already under
    /// way when the input starts (a recording cut into a rep) has no start to time.
    static let minimumRestBeforeSeconds = 0.5
    /// Seconds between the first replayed tick and a rep's start (leaving rest): less,
    /// and the rep began before the input did.
    static let minimumRestBeforeStartSeconds = 0.5
    /// Seconds of walking-level activity within an excursion that make it not a rep:
    /// a step or two, not a single jolt. A brisk rep's two ramps start and stop hard
    /// enough to reach walking-level activity for up to about 0.3 s each (MEx s09 bridge:
    /// 0.52 s in one rep), so the bound sits just above that; walking lasts seconds.
    static let walkingSeconds = 0.6
    /// Seconds, smoothing of the tilt rate used for the live hold state.
    static let rateTimeConstant = 0.25
    /// Seconds allowed for the ramps of a rep beyond its longest hold: two slow 5 s ramps.
    static let rampAllowanceSeconds = 10.0
    /// An excursion more than this many times the largest recent peak is not a rep, once
    /// `oversizeSampleReps` reps are remembered (`AmplitudeTracker`). The bound is never
    /// under this many times the profile's prior (a typical rep at the placement): after
    /// shallow reps (a tentative start, or a shift of the rest pose counted as reps) a
    /// full rep is not "several times the session's reps".
    static let oversizeRatio = 3.0
    static let oversizeSampleReps = 4
    /// Seconds at rest before the first rep of a session, unless the rest began with the
    /// input (a recording started during the wait).
    static let firstRepWaitSeconds = 1.0
    /// Fraction of its peak by which a rep the input began in may rise again on its way
    /// down, and still be one ramp (`isCutRep`): sway and a wobble on landing move a few
    /// degrees against reps of 10-30, while a second step or shuffle rises by as much as
    /// the first.
    static let cutRepRiseFraction = 0.2
    /// Fraction of an excursion's peak below which the lowest point is where a rep that
    /// was cut by leaving the position (or by the end of the input) ended: half way
    /// down from a held pose is a rep come down, not a wobble.
    static let cutValleyFraction = 0.5
    /// Width of the band in which the user has settled after moving beyond any rep, in
    /// still bands: a posture just taken sways more than the band that tells a held pose
    /// from a slow ramp allows (a pelvis on all fours rocks a degree or more, back and
    /// forth, for seconds), and a move that is no rep needs only to be over.
    static let settledBandFactor = 2.0
    /// Seconds of input kept while the first rest pose is not known (replayed once it is).
    static let settlingSeconds = 40.0
    /// Seconds of history kept: the longest excursion that can still be measured.
    static let historySeconds = 120.0
    /// Seconds, time constant with which the rest pose follows a slow drift while still.
    static let restDriftTimeConstant = 2.0
    /// Seconds still before the rest pose follows a drift: breathing and sway average out.
    static let restDriftStillSeconds = 0.5
    /// Degrees per second, tilt rate below which the live state is "holding" (a slow
    /// mover's ramp is faster than this near its middle, a held pose's sway slower).
    static let liveHoldRate = 2.0
    /// Live "holding" tolerance below the running peak, as a fraction of the peak.
    static let liveHoldFraction = 0.12

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
        self.profile = configuration.profile
        self.maximumRepSeconds = min(
            Self.historySeconds * 0.9,
            ExerciseProfile.maximumHoldSeconds(target: configuration.targets.holdSeconds) + Self.rampAllowanceSeconds)
        self.status = PipelineStatus(time: 0, state: .settling, set: 1, repsInSet: 0, holdElapsed: 0, tiltDegrees: 0)
        self.still = StillnessDetector(bandDegrees: configuration.profile.stillBandDegrees)
        self.settled = StillnessDetector(bandDegrees: Self.settledBandFactor * configuration.profile.stillBandDegrees)
        self.history = TiltHistory(capacity: Int(Self.historySeconds / TickResampler.defaultInterval))
        self.amplitude = AmplitudeTracker(prior: configuration.profile.priorPeakDegrees)
        self.finder = RestPoseFinder(
            settleSeconds: configuration.profile.settleSeconds, mergeDegrees: 2 * configuration.profile.stillBandDegrees,
            targetHoldSeconds: configuration.targets.holdSeconds, twoWay: configuration.profile.sidesBySign,
            departureDegrees: configuration.profile.minimumPeakDegrees, holdsTremble: configuration.profile.holdsTremble,
            approachTurn: configuration.profile.approachTurn)
        self.settling = SettlingBuffer(capacity: Int(Self.settlingSeconds / TickResampler.defaultInterval))
    }

    /// Feeds one sample; `emit` receives what happened, in order. The sample goes on one
    /// sample later, once `GlitchFilter` has seen its successor.
    public mutating func process(_ sample: Sample, _ emit: (PipelineEvent) -> Void) {
        status.time = sample.time
        guard let repaired = input.glitches.feed(sample) else { return }
        consume(repaired, emit)
    }

    private mutating func consume(_ sample: Sample, _ emit: (PipelineEvent) -> Void) {
        let step = input.clock.advance(to: sample.time)
        let reading: GravityEstimator.Reading
        let restart: Bool
        switch step {
        case .first:
            firstSampleTime = sample.time
            reading = input.gravity.update(sample, dt: 0, restart: true)
            restart = true
        case .gap:
            reading = input.gravity.update(sample, dt: 0, restart: true)
            restart = true
        case let .step(dt):
            guard dt > 0 else { return }  // a repeated time stamp adds nothing a filter could use
            reading = input.gravity.update(sample, dt: dt, restart: false)
            restart = false
        }
        input.resampler.feed(reading, restart: restart)
        // The first tick after a gap may come a sample or two later (the grid resumes at
        // the first grid time after it): it still follows the gap.
        input.restartPending = input.restartPending || restart
        while let t = input.resampler.next() {
            tick(t, restart: input.restartPending, emit)
            input.restartPending = false
        }
    }

    /// Ends the stream: closes the set in progress. An excursion still open (the
    /// recording stopped mid-rep) is not counted: its end was never seen.
    public mutating func finish(_ emit: (PipelineEvent) -> Void) {
        if let last = input.glitches.flush() { consume(last, emit) }
        concludeTrial(emit)
        // Input that ended before the rest pose was decided: decide on what was seen,
        // as when the settling buffer fills, so a short session's reps count.
        decideNow(emit)
        salvageCutRep(time: lastTickTime, emit)
        commitPending(emit)
        closeSet(emit)
    }

    /// Ends the set in progress now, as a long rest would (the user says the set is
    /// over: `repcount next`); the stream goes on, and the next rep starts the next set.
    /// Nothing happens while the set has no reps, but for a trusted rest pose's trial:
    /// the user's word ends that too, and the set is made of what was seen.
    public mutating func endSet(_ emit: (PipelineEvent) -> Void) {
        concludeTrial(emit)
        commitPending(emit)
        closeSet(emit)
    }

    // MARK: - Per tick

    private mutating func tick(_ reading: GravityEstimator.Reading, restart: Bool, _ emit: (PipelineEvent) -> Void) {
        guard let u = reading.gravity.normalized else { return }
        live(SettlingBuffer.Entry(time: reading.time, direction: u, activity: reading.activity, restart: restart), emit)
    }

    /// One live tick (not a replayed one).
    private mutating func live(_ entry: SettlingBuffer.Entry, _ emit: (PipelineEvent) -> Void) {
        if trial.isEmpty { handle(entry, emit) } else { onTrial(entry, emit) }
    }

    /// One live tick while a trusted rest pose is on trial: the live states and hold
    /// timer from it, then the tick to the search, whose verdict, once it has one,
    /// replaces this pipeline. (Out of line: the rare path, and recursive.)
    @inline(never)
    private mutating func onTrial(_ entry: SettlingBuffer.Entry, _ emit: (PipelineEvent) -> Void) {
        handle(entry) { if $0.isLive { emit($0) } }
        showTrialCounts()
        trial[0].live(entry) { if !$0.isLive { trialEvents.append($0) } }
        if trial[0].phase != .settling { takeVerdict(deciding: false, emit) }
    }

    /// One tick: the rep logic once a rest pose is known, else the search for one.
    private mutating func handle(_ entry: SettlingBuffer.Entry, _ emit: (PipelineEvent) -> Void) {
        guard phase == .settling else {
            step(entry, emit)
            return
        }
        if settling.count == 0 { recentAtBufferStart = recent }
        settling.append(entry)
        let dt = updateStillness(entry)
        var found: Vector3? = nil
        if entry.activity <= profile.walkingActivity {
            if finder.origin == -Double.infinity { finder.reset(origin: entry.time, resettleSeconds: 0) }
            let arriving = finder.arrival == nil
            found = finder.observe(
                direction: entry.direction, mean: still.mean, stillSeconds: still.stillSeconds, runStart: still.runStart,
                dt: dt, activity: entry.activity)
            if arriving, let arrival = finder.arrival {
                // Where the user came from: beyond any rep from the arrival (the finder
                // uses it only where the profile's `approachTurn` is known).
                finder.approach = recent.newest(farFrom: arrival, by: profile.maximumPeakDegrees)
            }
        }
        if found == nil, settling.count >= settling.capacity - 1 {
            // The buffer is full: decide on what was seen rather than drop reps.
            found = finder.leadingPose
        }
        if found == nil, let arrival = finder.arrival, !trusted, !replaying, trial.isEmpty {
            trust(arrival, emit)
            return
        }
        guard let pose = found else { return }
        settle(on: pose, emit)
    }

    /// Takes the first pause after a posture change as rest until the user's moves
    /// confirm it or show another pose is rest (`RestPoseFinder.arrival`): a copy of this
    /// pipeline keeps searching while this one counts from the pause.
    private mutating func trust(_ pose: Vector3, _ emit: (PipelineEvent) -> Void) {
        var searching = self
        searching.trusted = true
        trial = [searching]
        settle(on: pose) { if $0.isLive { emit($0) } }
        showTrialCounts()
    }

    /// The counts in `status` are those of the reps given so far: the trusting pipeline's
    /// wait for the verdict, as its rep events do.
    private mutating func showTrialCounts() {
        status.set = trial[0].status.set
        status.repsInSet = trial[0].status.repsInSet
    }

    /// Takes the trial's verdict now, deciding on what the search has seen (the copy may
    /// itself be trusting a pause found in its replay: then that trial too).
    private mutating func concludeTrial(_ emit: (PipelineEvent) -> Void) {
        while !trial.isEmpty { takeVerdict(deciding: true, emit) }
    }

    /// Replaces this pipeline by the trial's (deciding on what was seen if `deciding`).
    /// Its reps and sets go out; its states only as the one it is in now, since the live
    /// ones were shown as they happened, and its hold target not at all (a verdict forced
    /// in the middle of a hold whose rest differs may then announce it twice or never:
    /// the user ended the set, or the input ended). The verdict comes when the copy
    /// leaves its search: it settled, or it trusts a pause of its own.
    private mutating func takeVerdict(deciding: Bool, _ emit: (PipelineEvent) -> Void) {
        var verdict = trial[0]
        var events = trialEvents
        if deciding { verdict.decideNow { events.append($0) } }
        verdict.input = input
        verdict.status.time = status.time
        verdict.lastStateTime = max(verdict.lastStateTime, lastStateTime)
        let shown = status.state
        self = verdict
        for event in events where !event.isLive { emit(event) }
        if status.state != shown {
            lastStateTime = max(lastTickTime - delay, firstSampleTime, lastStateTime)
            emit(.state(status.state, time: lastStateTime))
        }
    }

    /// Settles on what was seen, as when the settling buffer fills (the input ended, or the
    /// user ended the set).
    private mutating func decideNow(_ emit: (PipelineEvent) -> Void) {
        while phase == .settling, settling.count > 0, let pose = finder.leadingPose {
            let pending = settling.count
            settle(on: pose, emit)
            if phase == .settling, settling.count >= pending { break }
        }
    }

    /// Rest found: replays the buffered ticks from it, so early reps still count. A
    /// posture change during the replay sends the rest of it back to the search.
    /// (Taking the buffer out copies its storage when it is next written: once per
    /// settling, never per sample.)
    private mutating func settle(on pose: Vector3, _ emit: (PipelineEvent) -> Void) {
        learnRest(pose)
        // Stamped where the replay starts, so the replayed events that follow it
        // carry later (not earlier) times.
        setState(.rest, at: settling[0].time, emit)
        let replay = settling
        settling.clear()
        recent = recentAtBufferStart
        finder.reset(origin: Double.infinity, resettleSeconds: 0)
        trusted = false
        still = StillnessDetector(bandDegrees: profile.stillBandDegrees)
        lastTickTime = -Double.infinity
        restSince = replay[0].time
        restartWait(at: restSince)
        replayStart = replay[0].time
        startedInRep = false
        let outer = replaying
        replaying = true
        for i in 0..<replay.count { handle(replay[i], emit) }
        replaying = outer
        // Nothing followed it in the buffered input: it stands (live input may follow).
        if !outer, beforeFirst != nil { commitPending(emit) }
    }

    /// Feeds the stillness detector; returns the tick interval.
    private mutating func updateStillness(_ e: SettlingBuffer.Entry) -> Double {
        let dt = e.time - lastTickTime
        lastTickTime = e.time
        if e.restart || dt > SampleClock.defaultMaximumStep {
            still.restart(at: e.direction, time: e.time)
            settled.restart(at: e.direction, time: e.time)
            return 0
        }
        still.update(direction: e.direction, time: e.time)
        // Once per still run, as it reaches `RecentPoses.stillSeconds`: every tick of the
        // session passes here, and a pose needs noting once to be known.
        let stillFor = still.stillSeconds
        if stillFor >= RecentPoses.stillSeconds, stillFor - dt < RecentPoses.stillSeconds, let m = still.mean { recent.note(m) }
        return dt
    }

    /// One tick once a rest pose is known.
    private mutating func step(_ e: SettlingBuffer.Entry, _ emit: (PipelineEvent) -> Void) {
        let dt = updateStillness(e)
        let u = e.direction
        let t = e.time
        let walking = e.activity > profile.walkingActivity
        let tilt = FastMath.angleDegrees(u, rest)
        status.tiltDegrees = tilt
        history.append(time: t, tilt: tilt)
        if e.restart, phase == .excursion { gapWhileComingDown() }
        let rate = rateFilter.update(dt > 0 ? (tilt - lastTilt) / dt : 0, dt: max(dt, 1e-3))
        lastTilt = tilt

        switch phase {
        case .settling:
            preconditionFailure("Invalid phase \(phase)")
        case .rest:
            atRest(u: u, tilt: tilt, time: t, walking: walking, emit)
        case .excursion:
            inExcursion(u: u, tilt: tilt, rate: rate, time: t, walking: walking, emit)
        }
    }

    private mutating func atRest(u: Vector3, tilt: Double, time t: Double, walking: Bool, _ emit: (PipelineEvent) -> Void) {
        if sets.restEndsSet(at: t - delay, gapSeconds: profile.setGapSeconds) { closeSet(emit) }
        let enter = max(profile.minimumEnterDegrees, profile.enterFraction * amplitude.typical)
        if tilt > enter {
            // Straight after a counted rep the user is known to have been at rest, however
            // briefly: quick reps with barely a pause (0.2-0.4 s) start from rest too.
            let rested = backFromRep || restContinues || t - restSince >= Self.minimumRestBeforeSeconds
            startExcursion(at: history.written - 1, fromRest: rested, direction: u, emit)
            waited = (t - waitSince >= Self.firstRepWaitSeconds && stillInWait >= RestPoseFinder.minimumRunSeconds)
                || waitSince - replayStart <= RestPoseFinder.originSeconds || startedInRep
            return
        }
        if walking {
            // Steps are no wait, whatever the gaps between them.
            restartWait(at: t)
        } else {
            stillInWait = max(stillInWait, still.stillSeconds)
        }
        // Follow a slow drift of the rest pose while still near it.
        if still.stillSeconds >= Self.restDriftStillSeconds, let m = still.mean {
            let k = FastMath.oneMinusExpNegative(TickResampler.defaultInterval / Self.restDriftTimeConstant)
            if let moved = (rest + (m - rest) * k).normalized { rest = moved }
        }
    }

    /// Starts an excursion at history entry `index`, the orientation now being `u`.
    private mutating func startExcursion(at index: Int, fromRest: Bool, direction u: Vector3, _ emit: (PipelineEvent) -> Void) {
        phase = .excursion
        from = index
        settled.restart(at: u, time: lastTickTime)
        enterTime = history[index].time
        peak = Double(history[index].tilt)
        disturbedTime = .infinity
        walkingTicks = 0
        belowSince = -1
        valley = -1
        cut = -1
        self.fromRest = fromRest
        displacementSum = .zero
        displacementTicks = 0
        holding = false
        targetAnnounced = false
        setState(.moving, at: enterTime, emit)
    }

    private mutating func inExcursion(
        u: Vector3, tilt: Double, rate: Double, time t: Double, walking: Bool, _ emit: (PipelineEvent) -> Void
    ) {
        settled.update(direction: u, time: t)
        if walking {
            walkingTicks += 1
            if Double(walkingTicks) * TickResampler.defaultInterval >= Self.walkingSeconds {
                disturbedTime = min(disturbedTime, t)
            }
        }
        if tilt > peak { peak = tilt }
        // Quick reps with barely a pause: the tilt comes down past half the peak and
        // rises again past the middle of the way back up. The valley between is the
        // end of one rep and the start of the next.
        // Without splitting, such a dip is kept (`cut`): if the user then leaves the
        // position, the rep ended there.
        let now = history.written - 1
        let splits = profile.splitFraction > 0
        let fraction = splits ? profile.splitFraction : Self.cutValleyFraction
        if tilt < fraction * peak {
            if valley < 0 || tilt < Double(history[valley].tilt) {
                valley = now
                valleyPeak = peak
            }
        } else if valley >= 0 {
            let bottom = Double(history[valley].tilt)
            if !splits, tilt > bottom + fraction * (valleyPeak - bottom) {
                if cut < 0 {
                    cut = valley
                    cutPeak = valleyPeak
                }
                valley = -1
            } else if splits, tilt > bottom + fraction * (peak - bottom),
                history[valley].time - enterTime >= profile.minimumRepSeconds
            {
                let split = valley
                finishExcursion(to: split, time: t, newRest: nil, emit)
                guard phase == .rest else { return }
                startExcursion(at: split, fromRest: true, direction: u, emit)
                for i in split...now where Double(history[i].tilt) > peak { peak = Double(history[i].tilt) }
                return
            }
        }
        if tilt >= RepTimer.topFraction * peak {
            displacementSum += u - rest
            displacementTicks += 1
        }

        // Live hold state, for displays: near the running peak and barely moving.
        let tolerance = max(profile.holdToleranceDegrees, Self.liveHoldFraction * peak)
        if !holding, tilt >= peak - tolerance, abs(rate) < Self.liveHoldRate {
            holding = true
            liveHoldStart = t
            setState(.holding, at: t, emit)
        } else if holding, tilt < peak - 2 * tolerance {
            holding = false
            status.holdElapsed = 0
            setState(.moving, at: t, emit)
        }
        if holding {
            status.holdElapsed = t - liveHoldStart
            if !targetAnnounced, configuration.targets.holdSeconds > 0,
                status.holdElapsed >= configuration.targets.holdSeconds
            {
                targetAnnounced = true
                emit(.holdTargetReached(time: t - delay, holdSeconds: status.holdElapsed))
            }
        }

        let stillFor = still.stillSeconds
        if tilt < profile.driftedExitFraction * peak || awayFromHeldPose(u) {
            if belowSince < 0 { belowSince = history.written - 1 }
        } else {
            belowSince = -1
        }
        if let back = backAtReference(stillFor: stillFor) {
            // Back in the exercise position of the earlier sets while the rest pose is
            // still the one from the break (sitting back, kneeling): that is rest again.
            learnRest(back)
            restartWait(at: t)
            enterRest(at: t, emit)
            return
        }
        if stillFor >= profile.restShiftSeconds, peak < profile.restShiftFraction * amplitude.typical, let m = still.mean {
            // Settled a little away from rest, well short of a rep, for longer than the
            // pause at the top of a quick rep: the rest pose shifted (the user eased into
            // position). Follow it instead of waiting for a return that will not come.
            learnRest(m)
            enterRest(at: t, emit)
            return
        }
        // The peak's own level first: `reach` scans the recent peaks.
        if tilt < exitLevel(peak), tilt < exitLevel(reach) {
            finishExcursion(to: history.written - 1, time: t, newRest: nil, emit)
        } else if belowSince >= 0, t - history[belowSince].time >= profile.driftedExitSeconds
        {
            // Came back most of the way and stayed there: the rest level drifted (it
            // wanders by several degrees between reps); re-learn it here. The rep ended
            // where it came down, not where the trace settled.
            let newRest = stillFor >= Self.restDriftStillSeconds ? still.mean ?? u : u
            finishExcursion(to: belowSince, time: t, newRest: newRest, emit)
        } else if (settled.stillSeconds >= profile.relearnSeconds && wentFar(by: t))
            || t - enterTime >= maximumRepSeconds
        {
            // Came to a stop after moving far beyond any rep (or walking), or stayed
            // longer than any hold: a new posture, not a rep. Find the rest pose afresh.
            salvageCutRep(time: t, emit)
            if phase != .settling { postureChange(time: t, far: wentFar(by: t), emit) }
        }
    }

    /// Whether the excursion in progress went beyond any rep or had walking in it by `time`:
    /// not a rep, and not the exercise position.
    private func wentFar(by time: Double) -> Bool {
        peak > profile.maximumPeakDegrees || disturbedTime <= time
    }

    /// The tilt below which an excursion that reached `degrees` is back at rest: at least
    /// half the smallest enter level, since the exit fraction of a small excursion would
    /// lie in the noise around rest.
    @inline(__always) private func exitLevel(_ degrees: Double) -> Double {
        max(profile.minimumEnterDegrees * 0.5, profile.exitFraction * degrees)
    }

    /// How far an excursion went, for judging it back at rest: its peak, but no more
    /// than the largest of the recent reps. One that went further than any of them
    /// (sitting up, getting up) is not back at a fraction of its own peak that lies
    /// half way up a rep.
    private var reach: Double { amplitude.samples > 0 ? min(peak, amplitude.largest) : peak }

    /// Whether `u` is farther from the pose held at the top of the excursion than that
    /// pose is from rest, in whatever direction: a rest pose that moved sideways by as
    /// much as a rep (the knees fell out and the feet were placed again after a bridge)
    /// is as far from the old rest as the hold, and only its distance from the hold says
    /// the rep is over. Nearer than that, a held pose that leans sideways (real bridges
    /// do) is still the hold.
    private mutating func awayFromHeldPose(_ u: Vector3) -> Bool {
        guard displacementTicks > 0, let held = (rest + displacementSum * (1 / Double(displacementTicks))).normalized
        else { return false }
        // Compared as chords between unit vectors, |u - held|^2 > (2 sin(peak / 2))^2, so
        // that a tick costs a dot product; the sine is taken when the peak changes.
        if peak != peakChordDegrees {
            let s = FastMath.sinOfAngle(0.5 * peak / FastMath.degreesPerRadian)
            peakChordSquared = 4 * s * s
            peakChordDegrees = peak
        }
        let fromHeld = u - held
        return fromHeld.dot(fromHeld) > peakChordSquared
    }

    /// A gap in the data (a dropout) while coming down from a quick rep: the valley
    /// before the next one may lie in it, unseen. The first tick after the gap stands in
    /// for it, so a rise after the gap splits the reps there, as a seen valley would.
    /// Only a ramp: coming down faster than sway (`liveHoldRate`), below the plateau.
    private mutating func gapWhileComingDown() {
        guard profile.splitFraction > 0, valley < 0, let before = rateFilter.value, before < -Self.liveHoldRate,
            lastTilt < RepTimer.topFraction * peak
        else { return }
        valley = history.written - 1
        valleyPeak = peak
    }

    /// The user left the position (or the input ended) during an excursion that had
    /// already come down most of the way from its peak: the rep ended there, at the
    /// lowest point, and what followed was getting up. Counts it by the usual rules.
    private mutating func salvageCutRep(time t: Double, _ emit: (PipelineEvent) -> Void) {
        guard phase == .excursion, cut > from else { return }
        peak = cutPeak
        finishExcursion(to: cut, time: t, newRest: nil, emit)
    }

    /// Degrees within which a still pose is back at `referenceRest`
    /// (`ExerciseProfile.referenceFraction`).
    private var referenceToleranceDegrees: Double {
        max(profile.referenceMinimumDegrees, profile.referenceFraction * amplitude.typical)
    }

    /// Whether the excursion in progress looks like one of the session's reps so far, where
    /// reps go one way: as big as they are, and their way. Its hold is then a hold, even
    /// where it happens to lie near an earlier set's rest (the rest pose moved by a rep's
    /// tilt over the break), not a return to the exercise position. (Where reps go two
    /// ways from rest, a return to it from a break can look like either side's rep.)
    private var isRepLike: Bool {
        guard amplitude.samples > 0, !belowRepSize, peak <= Self.oversizeRatio * amplitude.largest
        else { return false }
        guard profile.singleDirection else { return true }
        guard let dir = displacementSum.normalized else { return false }
        return direction.agrees(dir, maximumDegrees: profile.maximumDirectionDegrees)
    }

    /// The still pose, if the current rest pose is not the rest pose of the earlier reps
    /// and the user has been still back at that one for `RestPoseFinder.referenceSeconds`.
    private func backAtReference(stillFor: Double) -> Vector3? {
        // Cheap tests first: this runs every tick of an excursion.
        // Checked once per still stretch, as it reaches `referenceSeconds`.
        guard let reference = referenceRest, stillFor >= RestPoseFinder.referenceSeconds,
            stillFor - TickResampler.defaultInterval < RestPoseFinder.referenceSeconds,
            rest != reference, let m = still.mean, !isRepLike
        else { return nil }
        let tolerance = referenceToleranceDegrees
        guard RestPoseFinder.isBack(at: m, to: reference, within: tolerance, stillSeconds: stillFor),
            FastMath.angleDegrees(rest, reference) > tolerance
        else { return nil }
        return m
    }

    private mutating func finishExcursion(to: Int, time t: Double, newRest: Vector3?, _ emit: (PipelineEvent) -> Void) {
        let duration = history[to].time - enterTime
        let dir = displacementSum.normalized
        let disturbed = disturbedTime <= history[to].time
        if sessionReps == 0, !disturbed, newRest == nil, isCutRep(from: from, to: to, duration: duration) { startedInRep = true }
        // Too small to be a rep by any measure: a wobble, which does not end a wait at rest.
        let wobble = !disturbed && belowRepSize
        var accepted = isRep(duration: duration, direction: dir, disturbed: disturbed)
        var timing = RepTimer.Timing(start: 0, holdStart: 0, holdEnd: 0, end: 0, plateau: 0)
        // A first rep found in a replay: the pose it started from was decided on trust of
        // what followed, which may be the user getting into position (a pause on the way
        // down to the mat, then lying down).
        let provisional = accepted && replaying && sessionReps == 0 && pendingFirst == nil && !profile.confirmFirstRep
        if provisional {
            beforeFirst = BeforeFirstRep(amplitude: amplitude, durations: durations, sides: sides, referenceRest: referenceRest)
        }
        if accepted {
            timing = RepTimer.measure(
                history, from: from, to: to, peak: peak, tickInterval: TickResampler.defaultInterval, profile: profile)
            // Leaving rest must lie inside the input: a rep whose ramp started before the
            // first replayed tick was cut by the start of the recording.
            if timing.start - delay - replayStart < Self.minimumRestBeforeStartSeconds { accepted = false }
        }
        if accepted {
            var side: Side? = nil
            if configuration.exercise.hasSides {
                side = profile.sidesBySign && dir != nil
                    ? sides.classify(dir!, firstSide: configuration.firstSide) : configuration.firstSide
            }
            let candidate = Candidate(
                rep: Rep(
                    set: 0, number: 0, start: timing.start - delay, holdStart: timing.holdStart - delay,
                    holdEnd: timing.holdEnd - delay, end: timing.end - delay,
                    holdSeconds: timing.holdEnd - timing.holdStart,
                    targetHoldSeconds: configuration.targets.holdSeconds, side: side, peakDegrees: peak),
                duration: duration, direction: dir)
            referenceRest = rest
            if provisional || (profile.confirmFirstRep && sessionReps == 0 && pendingFirst == nil) {
                // The session's first move may have been getting into position: it is
                // counted once the next rep agrees with its direction
                // (`ExerciseProfile.confirmFirstRep`), or once the replay it was found in
                // ends without the user leaving for another posture (`beforeFirst`). Its
                // size and duration set the session's thresholds meanwhile, as any rep's
                // do (the median over the next reps outvotes it if it was odd).
                pendingFirst = candidate
                amplitude.record(peak)
                durations.record(duration)
            } else {
                if let first = pendingFirst, beforeFirst == nil, goOpposite(first.direction, dir) {
                    // Not the way this rep goes: the first was getting into position.
                    pendingFirst = nil
                }
                commitPending(emit)
                commit(candidate, emit)
            }
        }
        let far = wentFar(by: history[to].time)
        if !accepted, far || (newRest != nil && peak >= profile.minimumPeakDegrees && !wobble) {
            // Not a rep, and either it went far (or walking), or it came to a stop away
            // from the rest pose: the posture may have changed; find the rest pose afresh
            // rather than take this pose for rest. A wobble too small for a rep that
            // settles a little off rest is rest moving (the pelvis settling on all
            // fours): rest follows it below.
            postureChange(time: t, far: far, emit)
            return
        }
        if let newRest { learnRest(newRest) }
        phase = .rest
        restSince = t
        // A wobble, even one that moved rest a little, does not end the wait.
        if accepted || !wobble { restartWait(at: t) }
        // After a jolt or a move that was not a rep the user is back where they rested:
        // a rep straight after it still starts from rest.
        restContinues = !accepted && newRest == nil && fromRest
        backFromRep = accepted && sets.reps.count >= Self.establishedReps
        enterRest(at: t, emit)
    }

    /// Whether the excursion over `from...to` (back at rest, `duration` s long) is the end
    /// of a rep the input began in: under way from the first second of input (as a wait
    /// at the origin is, `RestPoseFinder.originSeconds`), a rep's size and length, at its
    /// highest in that second and coming down from there in one ramp (from a hold; steps
    /// and shuffles into position rise later, and again).
    private func isCutRep(from: Int, to: Int, duration: Double) -> Bool {
        guard enterTime - firstSampleTime <= RestPoseFinder.originSeconds,
            peak >= profile.minimumPeakDegrees, peak <= profile.maximumPeakDegrees, duration >= profile.minimumRepSeconds
        else { return false }
        var top = from
        for i in from...to where history[i].tilt > history[top].tilt { top = i }
        guard history[top].time - firstSampleTime <= RestPoseFinder.originSeconds else { return false }
        var lowest = history[top].tilt
        for i in top...to {
            lowest = min(lowest, history[i].tilt)
            if Double(history[i].tilt - lowest) > Self.cutRepRiseFraction * peak { return false }
        }
        return true
    }

    /// Starts the wait at rest that the session's first rep must follow (`waited`).
    private mutating func restartWait(at t: Double) {
        waitSince = t
        stillInWait = 0
    }

    /// Whether the excursion's peak is under the share of the session's typical peak a
    /// rep must reach (`ExerciseProfile.peakFraction`): a fidget, a wobble, in a thigh
    /// bird dog the other leg's rep.
    private var belowRepSize: Bool { peak < profile.peakFraction * amplitude.typical }

    /// Leaves the excursion's live hold state for rest.
    private mutating func enterRest(at t: Double, _ emit: (PipelineEvent) -> Void) {
        holding = false
        status.holdElapsed = 0
        setState(.rest, at: t, emit)
    }

    /// Whether the finished excursion (`peak`, `fromRest`, and the arguments) is a rep
    /// by its size, duration, direction and circumstances; see `docs/pipeline.md`.
    /// Updates the session's size and direction models, which learn from rejections.
    private mutating func isRep(duration: Double, direction dir: Vector3?, disturbed: Bool) -> Bool {
        let plausible = !disturbed && fromRest
            && duration >= profile.minimumRepSeconds
            && peak >= profile.minimumPeakDegrees
            && peak <= profile.maximumPeakDegrees
        // Too small for the session's reps (a fidget; in a thigh bird dog, the other
        // leg's rep), or several times the largest of the recent ones (sitting up between
        // sets: one person's reps in a session do not grow that much).
        let small = belowRepSize
        let oversize = amplitude.samples >= Self.oversizeSampleReps && peak > Self.oversizeRatio * max(amplitude.largest, amplitude.prior)
        var accepted = plausible && !small && !oversize
        // A run of similar excursions all rejected for their size means the typical size
        // came from odd ones (a big fidget before the first rep, or wrong reps before a
        // break): they take over, so odd excursions cannot lock the real reps out.
        if plausible, small || oversize, amplitude.rejectedForSize(peak) { accepted = true }
        if accepted, profile.durationFraction > 0, durations.isTooBrief(duration, fraction: profile.durationFraction) {
            accepted = false
        }
        // The first rep of a session follows a wait at rest: moves straight after a
        // step or a shuffle are getting into position.
        if sessionReps == 0, pendingFirst == nil, !waited { accepted = false }
        if accepted, profile.singleDirection, let dir {
            accepted = direction.accepts(dir, maximumDegrees: profile.maximumDirectionDegrees)
        }
        if accepted, profile.sidesBySign, let dir {
            accepted = sides.fits(dir)
        }
        return accepted
    }

    /// A rep found but not yet counted: the session's first, until the next confirms it.
    private struct Candidate: Sendable {
        /// Set and number are given when it is counted.
        var rep: Rep
        var duration: Double
        var direction: Vector3?
    }

    /// Counts a rep: into the set in progress (or the next, after a long rest), the
    /// session's typical size and duration (unless already `sized`) and direction, and
    /// out as an event.
    private mutating func commit(_ c: Candidate, sized: Bool = false, _ emit: (PipelineEvent) -> Void) {
        if sets.restEndsSet(at: c.rep.start, gapSeconds: profile.setGapSeconds) { closeSet(emit) }
        var rep = c.rep
        rep.set = sets.index
        rep.number = sets.reps.count + 1
        sets.add(rep)
        sessionReps += 1
        if !sized {
            amplitude.record(rep.peakDegrees)
            durations.record(c.duration)
        }
        if profile.singleDirection, let dir = c.direction { direction.record(dir) }
        status.repsInSet = sets.reps.count
        emit(.rep(rep))
    }

    /// Whether two rep directions are further apart than one exercise's reps go
    /// (`ExerciseProfile.maximumDirectionDegrees`); false while either is unknown.
    private func goOpposite(_ a: Vector3?, _ b: Vector3?) -> Bool {
        guard let a, let b else { return false }
        return FastMath.angleDegrees(a, b) > profile.maximumDirectionDegrees
    }

    /// Counts the session's first rep if it is still waiting for a second (the set or
    /// the input ends).
    private mutating func commitPending(_ emit: (PipelineEvent) -> Void) {
        guard let first = pendingFirst else { return }
        pendingFirst = nil
        commit(first, sized: true, emit)
        beforeFirst = nil
    }

    /// The user left the rest pose for another posture: `far` if beyond any rep or walking.
    private mutating func postureChange(time t: Double, far: Bool, _ emit: (PipelineEvent) -> Void) {
        // The set does not end here: a re-learnt rest pose (a drifted rest, a long hold,
        // a fidget that came to a stop, even sitting up for a moment) is not a break
        // between sets. A real break lasts `setGapSeconds` (a minute by the
        // prescriptions), which ends the set when the next rep comes.
        phase = .settling
        if far, let before = beforeFirst {
            // The first rep was a move on the way into position.
            pendingFirst = nil
            beforeFirst = nil
            amplitude = before.amplitude
            durations = before.durations
            sides = before.sides
            referenceRest = before.referenceRest
        }
        // Arriving in a new posture (lying down, kneeling on all fours, at the wall),
        // people pause before the first rep: a first long still pose is the rest pose.
        finder.reset(
            origin: t, resettleSeconds: profile.resettleSeconds, reference: referenceRest,
            referenceDegrees: referenceToleranceDegrees)
        settling.clear()
        history.clear()
        holding = false
        status.holdElapsed = 0
        setState(.settling, at: t, emit)
    }

    private mutating func learnRest(_ pose: Vector3) {
        rest = pose
        phase = .rest
        restSince = lastTickTime
        backFromRep = false
        history.clear()
        lastTilt = 0
    }

    private mutating func closeSet(_ emit: (PipelineEvent) -> Void) {
        if let summary = sets.endSet() {
            emit(.setEnded(summary))
            sides.startSet()
            status.set = sets.index
            status.repsInSet = 0
        }
    }

    private mutating func setState(_ s: MovementState, at t: Double, _ emit: (PipelineEvent) -> Void) {
        guard s != status.state else { return }
        status.state = s
        // The filter delay is removed from tick times; near the start of the input that
        // could stamp an event before the first sample.
        let time = max(t - delay, firstSampleTime, lastStateTime)
        lastStateTime = time
        emit(.state(s, time: time))
    }
}
