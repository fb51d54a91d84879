import RepCountCore

/// How one simulated person moves: their habits, strength and steadiness,
/// drawn once per recording. Every figure is a median or spread the generator
/// varies rep by rep; `docs/simulator.md` gives each one's reason.
public struct SubjectProfile: Sendable {
    /// Median duration of a transition into or out of a hold, seconds.
    public var rampSeconds: Double
    /// Rep-to-rep spread of transition durations, log-space SD.
    public var rampSpread: Double
    /// Lowering is usually a little slower than raising: ratio down/up.
    public var lowerToRaise: Double
    /// Median rep amplitude, degrees (meaning depends on exercise and placement).
    public var amplitude: Double
    /// Rep-to-rep spread of amplitude, log-space SD.
    public var amplitudeSpread: Double
    /// Amplitude lost per rep through the session by fatigue, fraction.
    public var fatiguePerRep: Double
    /// Median hold as a fraction of the target.
    public var holdCompliance: Double
    /// Rep-to-rep spread of holds, seconds.
    public var holdSpread: Double
    /// Probability that a hold is cut well short.
    public var shortHoldProbability: Double
    /// Probability that a hold runs well over.
    public var longHoldProbability: Double
    /// Median rest between reps, seconds.
    public var restSeconds: Double
    /// Random walk of the rest level between reps, degrees SD per rep.
    public var restDrift: Double
    /// Slow sag during a hold, fraction of the amplitude.
    public var holdSag: Double
    /// Probability of overshooting the held pose and settling back.
    public var overshootProbability: Double
    /// Fidgets per minute while resting.
    public var fidgetsPerMinute: Double
    /// Vibration at the strap in a hold (tremor, soft tissue), m/s² RMS.
    public var tremor: Double
    /// Postural sway in a hold, degrees RMS, before the exercise's own scale.
    public var sway: Double
    /// Probability that a rest contains a shaky spell (trembling legs).
    public var shakyRestProbability: Double
    /// Breathing rate, Hz.
    public var breathingRate: Double
    /// Probability that a bird-dog rep switches side from the previous one.
    public var alternation: Double
    /// The leg a bird-dog set starts with. The seeds start with the right leg;
    /// some people start with the left, and then tell the app (`first_side`).
    public var firstSide: Side
    /// Seconds of rest between sets (median).
    public var setRestSeconds: Double

    /// Draws a person for `plan`.
    public init(plan: SessionPlan, random r: inout SimulationRandom) {
        switch plan.style {
        case .slow: rampSeconds = r.uniform(3.8, 5.0)
        case .quick: rampSeconds = r.uniform(0.8, 1.4)
        // MEx bridges and supermans: 10-90 % rise 0.55-1.6 s, i.e. minimum-jerk
        // ramps of 1.1-3.2 s; the seeds say 1-3 s.
        case .standard, .blocks: rampSeconds = r.uniform(1.1, 2.8)
        }
        rampSpread = r.uniform(0.1, 0.25)
        lowerToRaise = r.uniform(0.8, 1.25)
        switch (plan.exercise, plan.placement) {
        // Thigh tilt while the hips are up: 5-25° on the MEx recordings.
        case (.bridge, .thigh): amplitude = r.uniform(7, 28)
        // Pelvis tilt in a bridge: 15-35° (exercises.md).
        case (.bridge, _): amplitude = r.uniform(16, 32)
        // Thigh angle from vertical in a wall sit: 45-90°.
        case (.wallSit, _): amplitude = r.uniform(50, 85)
        // Thigh extension in a bird dog: 60-90° (MEx superman 95th percentiles 51-85°).
        case (.birdDog, .thigh): amplitude = r.uniform(62, 92)
        // Pelvis roll in a bird dog: a few degrees.
        case (.birdDog, _): amplitude = r.uniform(3, 7)
        }
        amplitudeSpread = r.uniform(0.05, 0.14)
        fatiguePerRep = r.uniform(0, 0.012)
        // MEx subjects asked for 5 s held a median 1.6 s above 80 % of the
        // excursion (10th-90th percentile 0.9-3.5 s): many people cut holds short.
        // Wall sits, timed against a wall, are taken as better kept.
        holdCompliance = plan.exercise == .wallSit ? r.uniform(0.6, 1.1) : r.uniform(0.4, 1.1)
        holdSpread = r.uniform(0.4, 1.2)
        shortHoldProbability = r.uniform(0.03, 0.12)
        longHoldProbability = r.uniform(0.03, 0.12)
        restSeconds = plan.style == .quick ? r.uniform(0.6, 2.0) : r.uniform(2.0, 7)
        restDrift = r.uniform(0.2, 1.2) * (plan.placement == .lowerBack ? 0.3 : 1)
        holdSag = r.uniform(0, 0.08)
        overshootProbability = r.uniform(0, 0.3)
        fidgetsPerMinute = r.uniform(0.3, 2.5)
        tremor = r.uniform(0.04, 0.15)
        sway = r.uniform(0.3, 1.0)
        shakyRestProbability = r.pick([0, 0, 0.1, 0.3, 0.6])
        breathingRate = r.uniform(0.2, 0.3)
        alternation = r.uniform(0.8, 0.97)
        setRestSeconds = r.uniform(45, 90)
        firstSide = r.chance(0.85) ? .right : .left
    }
}
