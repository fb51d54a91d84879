import Testing

@testable import RepCountTerminal

struct BigTextTests {
    @Test func digitsAreFiveRowsAndScale() {
        var screen = ScreenBuffer(size: TerminalSize(columns: 20, rows: 5))
        BigText.draw("10", into: &screen, row: 0, column: 0, scale: 1, style: .plain)
        #expect(screen.lines == [
            "  ██    ██████",
            "████    ██  ██",
            "  ██    ██  ██",
            "  ██    ██  ██",
            "██████  ██████",
        ])
        #expect(BigText.width("10", scale: 1) == 14)
        #expect(BigText.width("10", scale: 2) == 28)
        #expect(BigText.height(scale: 3) == 15)
        #expect(BigText.canRender("0:45") && BigText.canRender("7/10") && !BigText.canRender("7 of 10"))
    }

    @Test func numberFormats() {
        #expect(NumberFormat.fixed(4.25, 1) == "4.3" || NumberFormat.fixed(4.25, 1) == "4.2")
        #expect(NumberFormat.fixed(6, 1) == "6.0")
        #expect(NumberFormat.fixed(-0.04, 1) == "0.0")
        #expect(NumberFormat.fixed(12.345, 2) == "12.35" || NumberFormat.fixed(12.345, 2) == "12.34")
        #expect(NumberFormat.countdown(59.2) == "1:00")
        #expect(NumberFormat.countdown(45) == "0:45")
        #expect(NumberFormat.countdown(-3) == "0:00")
        #expect(NumberFormat.seconds(6) == "6" && NumberFormat.seconds(5.5) == "5.5")
    }
}
