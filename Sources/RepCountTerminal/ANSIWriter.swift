/// Turns frames into the bytes written to the terminal, redrawing in place.
///
/// It remembers the last frame and rewrites only the rows that changed, so a
/// hold timer ticking a few times a second sends a line or two, not a screen
/// (which would flicker over slow links such as SSH to the exercise laptop).
public struct ANSIWriter: Sendable {
    /// Whether colours are sent; bold and reverse video are kept either way.
    public var colors: Bool
    private var previous: ScreenBuffer?

    public init(colors: Bool) {
        self.colors = colors
    }

    /// Forgets the last frame, so the next one is drawn in full (after a resize,
    /// or when something else may have written to the terminal).
    public mutating func invalidate() {
        previous = nil
    }

    /// The escape sequences that turn the previous frame into `frame`.
    public mutating func update(to frame: ScreenBuffer) -> String {
        var out = ""
        let full = previous?.size != frame.size
        if full { out += ANSI.reset + ANSI.clearScreen }
        for row in 0..<frame.size.rows where full || !rowEqual(previous!, frame, row) {
            out += ANSI.moveTo(row: row, column: 0)
            out += line(frame, row)
        }
        out += ANSI.reset
        previous = frame
        return out
    }

    /// One row as SGR runs, trailing default blanks replaced by erase-to-end.
    private func line(_ frame: ScreenBuffer, _ row: Int) -> String {
        let columns = frame.size.columns
        var end = columns
        while end > 0, frame[row, end - 1] == ScreenBuffer.Cell() { end -= 1 }
        var out = ""
        var current: TextStyle? = nil
        for c in 0..<end {
            let cell = frame[row, c]
            let style = colors ? cell.style : cell.style.withoutColor
            if style != current {
                out += ANSI.sgr(style)
                current = style
            }
            out.append(cell.character)
        }
        if end < columns { out += ANSI.reset + ANSI.clearToEndOfLine }
        return out
    }

    private func rowEqual(_ a: ScreenBuffer, _ b: ScreenBuffer, _ row: Int) -> Bool {
        let n = a.size.columns
        return a.cells[(row * n)..<((row + 1) * n)] == b.cells[(row * n)..<((row + 1) * n)]
    }
}
