/// The eight ANSI colours the views use, plus the terminal's default.
///
/// Only the basic palette is used so that the view keeps its meaning on any
/// terminal and in any colour scheme (bright/dark backgrounds alike).
public enum TerminalColor: UInt8, Sendable, Equatable, Hashable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    /// The terminal's own foreground or background.
    case `default` = 9
}

/// How a cell is drawn. Equal styles are merged into one SGR sequence when a
/// line is written, so screens stay small on the wire.
public struct TextStyle: Sendable, Equatable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
    }

    /// The terminal's default rendition.
    public static let plain = TextStyle()

    /// A coloured, optionally bold style.
    public static func color(_ c: TerminalColor, bold: Bool = false) -> TextStyle {
        TextStyle(foreground: c, bold: bold)
    }

    /// This style with colours dropped but emphasis kept, for `NO_COLOR`:
    /// bold and reverse video carry no colour and still help structure the screen
    /// (no-color.org asks only that colour be off).
    public var withoutColor: TextStyle {
        TextStyle(bold: bold, dim: dim, reverse: reverse)
    }
}
