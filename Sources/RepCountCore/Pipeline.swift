import Foundation  // acos only; replaced by the full pipeline.

/// The streaming rep counter: samples in, events out.
///
/// First version: low-pass gravity, rest pose learnt from the first still
/// seconds, tilt from rest with hysteresis, hold = time near the peak.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    public private(set) var status: PipelineStatus

    private var gravity: Vector3?
    private var rest: Vector3?
    private var lastTime: Double?
    private var inRep = false
    private var repStart = 0.0
    private var peak = 0.0
    private var holdStart: Double?
    private var holdEnd = 0.0
    private var reps: [Rep] = []
    private var lastRepEnd = -Double.infinity
    private var targetAnnounced = false

    /// Tilt, degrees, above which the user has left rest.
    private let enterDegrees = 12.0
    /// Tilt, degrees, below which the user is back at rest.
    private let exitDegrees = 6.0
    /// Filter time constant, seconds.
    private let tau = 0.25
    /// Rest after which a set ends, seconds.
    private let setGap = 40.0

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
        self.status = PipelineStatus(time: 0, state: .settling, set: 1, repsInSet: 0, holdElapsed: 0, tiltDegrees: 0)
    }

    public mutating func process(_ sample: Sample, _ emit: (PipelineEvent) -> Void) {
        let dt = lastTime.map { max(0, sample.time - $0) } ?? 0
        lastTime = sample.time
        status.time = sample.time
        let alpha = dt / (tau + dt)
        let g = gravity.map { $0 + (sample.accel - $0) * alpha } ?? sample.accel
        gravity = g
        guard let rest else {
            if sample.time > 2 { self.rest = g; setState(.rest, emit) }
            return
        }
        let cosine = max(-1, min(1, g.dot(rest) / max(1e-9, g.length * rest.length)))
        let tilt = acos(cosine) * 180 / .pi
        status.tiltDegrees = tilt
        if !inRep {
            if tilt > enterDegrees {
                if !reps.isEmpty, sample.time - lastRepEnd > setGap { endSet(emit) }
                inRep = true; repStart = sample.time; peak = tilt; holdStart = nil; targetAnnounced = false
                setState(.moving, emit)
            }
            return
        }
        if tilt > peak { peak = tilt }
        if tilt > peak * 0.85 {
            if holdStart == nil { holdStart = sample.time; setState(.holding, emit) }
            holdEnd = sample.time
            let held = holdEnd - (holdStart ?? holdEnd)
            status.holdElapsed = held
            if !targetAnnounced, held >= configuration.targets.holdSeconds {
                targetAnnounced = true
                emit(.holdTargetReached(time: sample.time, holdSeconds: held))
            }
        } else if status.state == .holding {
            setState(.moving, emit)
        }
        if tilt < exitDegrees {
            inRep = false
            let hs = holdStart ?? sample.time
            let rep = Rep(
                set: status.set, number: reps.count + 1, start: repStart, holdStart: hs, holdEnd: holdEnd,
                end: sample.time, holdSeconds: holdEnd - hs, targetHoldSeconds: configuration.targets.holdSeconds,
                side: configuration.exercise.hasSides ? configuration.firstSide : nil, peakDegrees: peak)
            reps.append(rep)
            lastRepEnd = sample.time
            status.repsInSet = reps.count
            status.holdElapsed = 0
            emit(.rep(rep))
            setState(.rest, emit)
        }
    }

    /// Ends the stream: closes the set in progress.
    public mutating func finish(_ emit: (PipelineEvent) -> Void) {
        if !reps.isEmpty { endSet(emit) }
    }

    private mutating func endSet(_ emit: (PipelineEvent) -> Void) {
        emit(.setEnded(SetSummary(index: status.set, reps: reps, start: reps[0].start, end: reps[reps.count - 1].end)))
        reps.removeAll()
        status.set += 1
        status.repsInSet = 0
    }

    private mutating func setState(_ s: MovementState, _ emit: (PipelineEvent) -> Void) {
        guard s != status.state else { return }
        status.state = s
        emit(.state(s, time: status.time))
    }
}
