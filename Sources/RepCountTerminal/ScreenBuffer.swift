/// A grid of styled cells: what one frame of a full-screen view looks like.
///
/// Renderers draw into it; `ANSIWriter` turns it into escape sequences and
/// tests read it back as plain text (`lines`). Writes outside the grid are
/// clipped, so a layout that is slightly too large never corrupts the screen.
public struct ScreenBuffer: Sendable, Equatable {
    /// One character cell. Every character the views draw is one column wide.
    public struct Cell: Sendable, Equatable {
        public var character: Character
        public var style: TextStyle

        public init(_ character: Character = " ", _ style: TextStyle = .plain) {
            self.character = character
            self.style = style
        }
    }

    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set {
            guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
            cells[row * size.columns + column] = newValue
        }
    }

    /// Writes `text` from (`row`, `column`) to the right, clipped at the edge.
    public mutating func put(_ text: String, row: Int, column: Int, style: TextStyle = .plain) {
        var c = column
        for ch in text {
            self[row, c] = Cell(ch, style)
            c += 1
        }
    }

    /// Writes `text` centred on `row`.
    public mutating func putCentered(_ text: String, row: Int, style: TextStyle = .plain) {
        put(text, row: row, column: max(0, (size.columns - text.count) / 2), style: style)
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int = 1, character: Character = " ", style: TextStyle) {
        guard width > 0, height > 0 else { return }
        for r in row..<(row + height) {
            for c in column..<(column + width) { self[r, c] = Cell(character, style) }
        }
    }

    /// The text of each row, trailing blanks removed: what a person sees,
    /// without colour (this is what tests compare).
    public var lines: [String] {
        (0..<size.rows).map { row in
            var s = String(cells[(row * size.columns)..<((row + 1) * size.columns)].map(\.character))
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The whole screen as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }
}
