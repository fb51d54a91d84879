import RepCountCore
import Foundation
import Testing

@testable import RepCountTerminal

/// Drives the model through events as a daemon would send them and checks what
/// a person would read on the screen.
struct LiveViewRendererTests {
    static let endpoint = "/tmp/t.sock"
    let renderer = LiveViewRenderer()

    func rep(_ n: Int, hold: Double, set: Int = 1, target: Double = 6, side: Side? = nil) -> Rep {
        Rep(
            set: set, number: n, start: Double(n) * 10, holdStart: Double(n) * 10 + 1, holdEnd: Double(n) * 10 + 1 + hold,
            end: Double(n) * 10 + 2 + hold, holdSeconds: hold, targetHoldSeconds: target, side: side, peakDegrees: 20)
    }

    /// A bridge session, 3 reps done, holding the 4th for 3 s at t = 100.
    func holdingModel() -> LiveViewModel {
        var m = LiveViewModel(endpoint: Self.endpoint)
        m.apply(.connected(endpoint: Self.endpoint, server: "repcountd 1"), at: 0)
        m.apply(.session(exercise: .bridge, targets: Targets(holdSeconds: 6, reps: 10, sets: 3), side: nil), at: 0)
        m.apply(.sensor(SensorStatus(word: "streaming")), at: 0)
        m.apply(.pipeline(.state(.rest, time: 2)), at: 2)
        for (i, h) in [6.4, 5.1, 7.0].enumerated() {
            m.apply(.pipeline(.state(.moving, time: 0)), at: 10)
            m.apply(.pipeline(.rep(rep(i + 1, hold: h))), at: 20)
            m.apply(.pipeline(.state(.rest, time: 0)), at: 20)
        }
        m.apply(.pipeline(.state(.moving, time: 0)), at: 96)
        m.apply(.pipeline(.state(.holding, time: 0)), at: 97)
        m.apply(.holdTick(seconds: 3.0), at: 100)
        return m
    }

    @Test func showsRepCountInBlockDigitsAt80x24() {
        let screen = renderer.render(holdingModel(), at: 100, size: .vt100)
        let text = screen.text
        #expect(screen.lines[0].hasPrefix(" BRIDGE"))
        #expect(screen.lines[0].contains("SET 1 OF 3"))
        #expect(screen.lines[0].contains("SENSOR STREAMING"))
        #expect(text.contains("REPS · SET 1 OF 3"))
        // "3/10" in 3x5 block digits: the top row of a 3 is a full bar.
        #expect(text.contains("████████████"))
        #expect(text.contains("HOLD  3.0 s of 6 s"))
        #expect(text.contains("HOLDS  6.4✓  5.1✗  7.0✓"))
        #expect(text.contains("2/3 on target"))
        #expect(screen.lines[23].contains("repcountd 1 at /tmp/t.sock"))
    }

    @Test func holdBarIsHalfFullAtHalfTheTarget() throws {
        let screen = renderer.render(holdingModel(), at: 100, size: .vt100)
        let barLine = try #require(screen.lines.first { $0.contains("░") })
        let filled = barLine.filter { $0 == "█" }.count
        let empty = barLine.filter { $0 == "░" }.count
        #expect(filled == 38)
        #expect(empty == 38)
        // Yellow while filling.
        let row = try #require(screen.lines.firstIndex(of: barLine))
        #expect(screen[row, 2].style.foreground == .yellow)
    }

    @Test func barTurnsGreenWhenTargetReached() throws {
        var m = holdingModel()
        let cues = m.apply(.pipeline(.holdTargetReached(time: 0, holdSeconds: 6.0)), at: 103)
        #expect(cues == [.holdTargetReached])
        let screen = renderer.render(m, at: 103, size: .vt100)
        #expect(screen.text.contains("TARGET REACHED ✓"))
        #expect(!screen.text.contains("░"))
        let label = try #require(screen.lines.firstIndex { $0.contains("HOLD  ") })
        let row = label + 1
        #expect(screen.lines[row].allSatisfy { $0 == " " || $0 == "█" })
        #expect(screen[row, 2].style.foreground == .green)
    }

    @Test func restCountdownAfterSetEnds() {
        var m = holdingModel()
        let cues = m.apply(.pipeline(.setEnded(SetSummary(index: 1, reps: [], start: 0, end: 0))), at: 200)
        #expect(cues == [.setEnded])
        let screen = renderer.render(m, at: 215.2, size: .vt100)
        #expect(screen.text.contains("REST · SET 2 OF 3 NEXT"))
        #expect(renderer.bigText(m, at: 215.2).text == "0:45")
        let over = renderer.render(m, at: 261, size: .vt100)
        #expect(over.text.contains("REST OVER · START SET 2 OF 3"))
    }

    @Test func reconnectingIsShownOnScreen() {
        var m = holdingModel()
        m.apply(.disconnected(endpoint: Self.endpoint, reason: "connection refused", attempt: 2, retryAt: 104), at: 101)
        let screen = renderer.render(m, at: 101.5, size: .vt100)
        #expect(screen.text.contains("DAEMON NOT RUNNING · RECONNECTING IN 3 s (ATTEMPT 2)"))
        #expect(screen.lines[23].contains("daemon unreachable at /tmp/t.sock (connection refused): retry 2 in 3 s"))
        #expect(screen[23, 0].style.background == .red)
    }

    @Test func adaptsToLargeAndSmallTerminals() {
        let m = holdingModel()
        let large = renderer.render(m, at: 100, size: TerminalSize(columns: 200, rows: 50))
        #expect(renderer.chooseScale("3/10", size: TerminalSize(columns: 200, rows: 50)) > renderer.chooseScale("3/10", size: .vt100))
        #expect(large.lines.count == 50)
        #expect(large.lines.allSatisfy { $0.count <= 200 })
        let small = renderer.render(m, at: 100, size: TerminalSize(columns: 30, rows: 10))
        #expect(small.text.contains("3/10"))
        #expect(small.text.contains("HOLD  3.0 s of 6 s"))
    }

    @Test func birdDogShowsSide() {
        var m = LiveViewModel(endpoint: Self.endpoint)
        m.apply(.session(exercise: .birdDog, targets: Targets(holdSeconds: 5, reps: 10, sets: 1), side: .right), at: 0)
        m.apply(.pipeline(.rep(rep(1, hold: 5.5, target: 5, side: .right))), at: 10)
        m.apply(.pipeline(.rep(rep(2, hold: 4.0, target: 5, side: .left))), at: 20)
        let screen = renderer.render(m, at: 21, size: .vt100)
        #expect(screen.lines[0].hasPrefix(" BIRD DOG · LEFT LEG"))
        #expect(screen.text.contains("R5.5✓  L4.0✗"))
        #expect(screen.text.contains("SHORT by 1.0 s"))
    }

    @Test func barCellsUseEighthBlocks() {
        #expect(String(LiveViewRenderer.barCells(fraction: 0.5, width: 4)) == "██░░")
        #expect(String(LiveViewRenderer.barCells(fraction: 0.3, width: 5)) == "█▌░░░")
        #expect(String(LiveViewRenderer.barCells(fraction: 1.7, width: 3)) == "███")
        #expect(String(LiveViewRenderer.barCells(fraction: 0, width: 3)) == "░░░")
    }
}

/// States around the session: none yet, ended early, all sets done, tiny terminals.
struct LiveViewSessionStateTests {
    let renderer = LiveViewRenderer()

    @Test func noSessionInvitesToStartOne() {
        var m = LiveViewModel(endpoint: "/s")
        m.apply(.connected(endpoint: "/s", server: "repcountd"), at: 0)
        let screen = renderer.render(m, at: 0, size: .vt100)
        #expect(screen.lines[0].hasPrefix(" REPCOUNT"))
        #expect(screen.text.contains("NO SESSION · START ONE WITH: repcount start bridge"))
        #expect(screen.text.contains("WAITING FOR A SESSION"))
        #expect(screen.text.contains("HOLD  0.0 s\n"))
    }

    @Test func endedEarlyIsNotAllSetsDone() {
        var m = LiveViewModel(endpoint: "/s")
        m.apply(.session(exercise: .wallSit, targets: Targets(holdSeconds: 10, reps: 2, sets: 2), side: nil), at: 0)
        let rep = Rep(set: 1, number: 1, start: 0, holdStart: 1, holdEnd: 12, end: 13, holdSeconds: 11, targetHoldSeconds: 10, side: nil, peakDegrees: 60)
        m.apply(.pipeline(.rep(rep)), at: 1)
        m.apply(.pipeline(.setEnded(SetSummary(index: 1, reps: [rep], start: 0, end: 13))), at: 2)
        m.apply(.sessionEnded, at: 3)
        var screen = renderer.render(m, at: 3, size: .vt100)
        #expect(screen.lines[0].contains("SESSION ENDED"))
        #expect(screen.text.contains("DONE · 1 OF 2 SETS · 1 REPS · 1 HELD TO TARGET"))
        #expect(screen.text.contains("SESSION OVER"))
        m.apply(.session(exercise: .wallSit, targets: Targets(holdSeconds: 10, reps: 1, sets: 1), side: nil), at: 4)
        m.apply(.pipeline(.rep(rep)), at: 5)
        m.apply(.pipeline(.setEnded(SetSummary(index: 1, reps: [rep], start: 0, end: 13))), at: 6)
        screen = renderer.render(m, at: 6, size: .vt100)
        #expect(screen.lines[0].contains("ALL SETS DONE"))
    }

    @Test func tinyTerminalsKeepTheCount() {
        var m = LiveViewModel(endpoint: "/s")
        m.apply(.session(exercise: .bridge, targets: Targets(holdSeconds: 6, reps: 10, sets: 3), side: nil), at: 0)
        m.apply(.disconnected(endpoint: "/s", reason: "connection refused", attempt: 1, retryAt: 2), at: 0)
        let small = renderer.render(m, at: 0, size: TerminalSize(columns: 40, rows: 12))
        #expect(small.text.contains("0/10"))
        #expect(small.lines[2].hasSuffix(" RECONNECTING IN 2 s"))
        #expect(small.lines.allSatisfy { $0.count <= 40 })
        let tiny = renderer.render(m, at: 0, size: TerminalSize(columns: 10, rows: 2))
        #expect(tiny.lines == ["0/10", ""])
    }
}
