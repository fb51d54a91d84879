import RepCountCore
import Testing

@testable import RepCountTerminal

struct PlainEventFormatterTests {
    @Test func linesReadLikeTheScreen() {
        var m = LiveViewModel(endpoint: "/s")
        let f = PlainEventFormatter()
        let session = LiveEvent.session(exercise: .birdDog, targets: Targets(holdSeconds: 5, reps: 10, sets: 1), side: nil)
        m.apply(session, at: 0)
        #expect(f.line(for: session, model: m) == "session: bird-dog, 1 x 10 per side, hold 5 s")
        let rep = Rep(set: 1, number: 2, start: 0, holdStart: 1, holdEnd: 5, end: 6, holdSeconds: 4, targetHoldSeconds: 5, side: .left, peakDegrees: 70)
        m.apply(.pipeline(.rep(rep)), at: 1)
        #expect(f.line(for: .pipeline(.rep(rep)), model: m) == "set 1 rep 2 of 10 (left): hold 4.0 s of 5 s SHORT")
        #expect(f.line(for: .holdTick(seconds: 1), model: m) == nil)
        let end = LiveEvent.pipeline(.setEnded(SetSummary(index: 1, reps: [], start: 0, end: 6)))
        m.apply(end, at: 2)
        #expect(f.line(for: end, model: m) == "set 1 done; all sets done (1 reps, 0 held to target)")
        #expect(
            f.line(for: .disconnected(endpoint: "/s", reason: "connection refused", attempt: 3, retryAt: 0), model: m)
                == "daemon unreachable at /s (connection refused); reconnecting (attempt 3)")
    }
}
