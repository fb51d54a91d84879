import RepCountCore
import Testing

@testable import RepCountTerminal

/// The model's bookkeeping: cues, timers, sets, reconnects.
struct LiveViewModelTests {
    func model() -> LiveViewModel {
        var m = LiveViewModel(endpoint: "e", restSeconds: 60)
        m.apply(.session(exercise: .bridge, targets: Targets(holdSeconds: 6, reps: 2, sets: 2), side: nil), at: 0)
        return m
    }

    func rep(_ set: Int, _ n: Int, _ hold: Double) -> Rep {
        Rep(set: set, number: n, start: 0, holdStart: 1, holdEnd: 1 + hold, end: 2 + hold, holdSeconds: hold, targetHoldSeconds: 6, side: nil, peakDegrees: 20)
    }

    @Test func holdTimerExtrapolatesBrieflyBetweenTicks() {
        var m = model()
        m.apply(.pipeline(.state(.holding, time: 5)), at: 10)
        m.apply(.holdTick(seconds: 2.0), at: 12)
        #expect(abs(m.holdElapsed(at: 12.3) - 2.3) < 1e-9)
        // A silent daemon freezes the timer one second after the last tick.
        #expect(m.holdElapsed(at: 20) == 3.0)
    }

    @Test func targetCueSoundsOnceFromEitherTickOrEvent() {
        var m = model()
        m.apply(.pipeline(.state(.holding, time: 5)), at: 10)
        #expect(m.apply(.holdTick(seconds: 5.9), at: 15.9) == [])
        #expect(m.apply(.holdTick(seconds: 6.1), at: 16.1) == [.holdTargetReached])
        #expect(m.apply(.pipeline(.holdTargetReached(time: 11, holdSeconds: 6)), at: 16.2) == [])
        m.apply(.pipeline(.rep(rep(1, 1, 7))), at: 18)
        m.apply(.pipeline(.state(.rest, time: 13)), at: 18)
        m.apply(.pipeline(.state(.moving, time: 20)), at: 25)
        m.apply(.pipeline(.state(.holding, time: 21)), at: 26)
        #expect(m.apply(.pipeline(.holdTargetReached(time: 27, holdSeconds: 6)), at: 32) == [.holdTargetReached])
    }

    @Test func setsRestAndFinish() {
        var m = model()
        m.apply(.pipeline(.rep(rep(1, 1, 7))), at: 10)
        m.apply(.pipeline(.rep(rep(1, 2, 4))), at: 20)
        #expect(m.sessionReps == 2 && m.sessionRepsOnTarget == 1)
        #expect(m.apply(.pipeline(.setEnded(SetSummary(index: 1, reps: [], start: 0, end: 0))), at: 30) == [.setEnded])
        #expect(m.restRemaining(at: 45) == 45)
        #expect(m.set == 2 && m.repsInSet == 0)
        // Moving again ends the rest.
        m.apply(.pipeline(.state(.moving, time: 50)), at: 70)
        #expect(m.rest == nil)
        m.apply(.pipeline(.rep(rep(2, 1, 6))), at: 80)
        m.apply(.pipeline(.rep(rep(2, 2, 6))), at: 90)
        m.apply(.pipeline(.setEnded(SetSummary(index: 2, reps: [], start: 0, end: 0))), at: 95)
        #expect(m.finished && m.rest == nil && m.setsCompleted == 2)
    }

    @Test func aNewSessionResetsCountsButTheSameOneDoesNot() {
        var m = model()
        m.apply(.pipeline(.rep(rep(1, 1, 7))), at: 10)
        m.apply(.session(exercise: .bridge, targets: Targets(holdSeconds: 6, reps: 2, sets: 2), side: nil), at: 11)
        #expect(m.sessionReps == 1)
        m.apply(.session(exercise: .wallSit, targets: Targets(holdSeconds: 10, reps: 10, sets: 1), side: nil), at: 12)
        #expect(m.sessionReps == 0 && m.recentReps.isEmpty && m.exercise == .wallSit)
    }

    @Test func disconnectStopsTheHold() {
        var m = model()
        m.apply(.pipeline(.state(.holding, time: 5)), at: 10)
        m.apply(.disconnected(endpoint: "e", reason: "connection closed", attempt: 1, retryAt: 11), at: 10.5)
        #expect(m.movement == .rest)
        guard case .retrying = m.connection else {
            Issue.record("expected retrying, got \(m.connection)")
            return
        }
    }

    @Test func aLateStatusReplyDoesNotOverrideASensorEvent() {
        var m = model()
        m.apply(.connected(endpoint: "e", server: "d"), at: 0)
        m.apply(.sensor(SensorStatus(word: "connected")), at: 1)
        m.apply(.status(LiveStatus(sensor: SensorStatus(word: "connecting"))), at: 2)
        #expect(m.sensor.level == .ok)
        // After a reconnect the reply is the freshest word again.
        m.apply(.connected(endpoint: "e", server: "d"), at: 3)
        m.apply(.status(LiveStatus(sensor: SensorStatus(word: "lost"))), at: 4)
        #expect(m.sensor.level == .lost)
    }
}
