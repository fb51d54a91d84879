/// The VT100/ECMA-48 control sequences the views emit, by name.
///
/// Only sequences every terminal emulator in use (xterm, VTE, tmux, the Linux
/// console) understands: no terminfo lookup is needed for them.
public enum ANSI {
    /// Control Sequence Introducer.
    public static let csi = "\u{1B}["
    /// Switch to the alternate screen, so the user's scrollback is left intact.
    public static let enterAlternateScreen = "\u{1B}[?1049h"
    /// Back to the normal screen.
    public static let leaveAlternateScreen = "\u{1B}[?1049l"
    public static let hideCursor = "\u{1B}[?25l"
    public static let showCursor = "\u{1B}[?25h"
    /// Erase the whole display.
    public static let clearScreen = "\u{1B}[2J"
    /// Erase from the cursor to the end of the line.
    public static let clearToEndOfLine = "\u{1B}[K"
    /// Reset all attributes.
    public static let reset = "\u{1B}[0m"
    /// The terminal bell (BEL), the default audible cue.
    public static let bell = "\u{07}"
    /// Disable line wrapping while drawing: a cell written in the last column
    /// must not scroll the screen.
    public static let disableWrap = "\u{1B}[?7l"
    public static let enableWrap = "\u{1B}[?7h"

    /// Move the cursor to a 0-based row and column.
    public static func moveTo(row: Int, column: Int) -> String {
        "\(csi)\(row + 1);\(column + 1)H"
    }

    /// The Select Graphic Rendition sequence for a style, starting from a reset
    /// so that no attribute of the previous style leaks.
    public static func sgr(_ style: TextStyle) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.reverse { codes.append("7") }
        if style.foreground != .default { codes.append("3\(style.foreground.rawValue)") }
        if style.background != .default { codes.append("4\(style.background.rawValue)") }
        return csi + codes.joined(separator: ";") + "m"
    }
}
