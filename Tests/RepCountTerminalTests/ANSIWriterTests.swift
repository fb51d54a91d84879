import Testing

@testable import RepCountTerminal

struct ANSIWriterTests {
    @Test func firstFrameIsFullThenOnlyChangedRows() {
        var screen = ScreenBuffer(size: TerminalSize(columns: 10, rows: 3))
        screen.put("ab", row: 0, column: 0, style: .color(.green))
        screen.put("cd", row: 2, column: 1)
        var writer = ANSIWriter(colors: true)
        let first = writer.update(to: screen)
        #expect(first.hasPrefix(ANSI.reset + ANSI.clearScreen))
        #expect(first.contains("\u{1B}[1;1H\u{1B}[0;32mab\u{1B}[0m\u{1B}[K"))
        #expect(first.contains("\u{1B}[3;1H\u{1B}[0m cd"))
        screen.put("x", row: 2, column: 9)
        let second = writer.update(to: screen)
        #expect(!second.contains(ANSI.clearScreen))
        #expect(!second.contains("\u{1B}[1;1H"))
        #expect(second.contains("\u{1B}[3;1H"))
        #expect(writer.update(to: screen) == ANSI.reset)
    }

    @Test func noColorKeepsBoldButDropsColours() {
        var screen = ScreenBuffer(size: TerminalSize(columns: 4, rows: 1))
        screen.put("ok", row: 0, column: 0, style: TextStyle(foreground: .red, background: .white, bold: true))
        var writer = ANSIWriter(colors: false)
        let out = writer.update(to: screen)
        #expect(out.contains("\u{1B}[0;1mok"))
        #expect(!out.contains("31"))
    }

    @Test func colourPolicy() {
        #expect(TTY.wantsColor(environment: [:], isTerminal: true))
        #expect(!TTY.wantsColor(environment: [:], isTerminal: false))
        #expect(!TTY.wantsColor(environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(TTY.wantsColor(environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!TTY.wantsColor(environment: ["TERM": "dumb"], isTerminal: true))
    }

    @Test func writesOutsideTheScreenAreClipped() {
        var screen = ScreenBuffer(size: TerminalSize(columns: 3, rows: 2))
        screen.put("abcdef", row: 1, column: 1)
        screen.put("z", row: 5, column: 0)
        screen.put("y", row: 0, column: -1)
        #expect(screen.lines == ["", " ab"])
    }
}
