#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from `TTY.write`.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// The only I/O in this module: asking the terminal its size, whether a
/// descriptor is a terminal, switching echo off while the live view runs,
/// and writing whole strings.
public enum TTY {
    /// Whether `fd` is a terminal (`isatty`).
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The window size of the terminal on `fd` (`ioctl(TIOCGWINSZ)`), or `nil`
    /// when it is not a terminal or reports 0x0 (some serial consoles do).
    public static func size(_ fd: Int32) -> TerminalSize? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return TerminalSize(columns: Int(ws.ws_col), rows: Int(ws.ws_row))
    }

    /// Whether to use colour: never when `NO_COLOR` is set to anything
    /// non-empty (no-color.org), nor for `TERM=dumb`, nor when not a terminal.
    public static func wantsColor(environment: [String: String], isTerminal: Bool) -> Bool {
        guard isTerminal else { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// Writes all of `text` to `fd`, retrying on short writes and EINTR.
    /// Returns `false` if the descriptor is gone (terminal closed).
    @discardableResult
    public static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                systemWrite(fd, buf.baseAddress! + offset, buf.count - offset)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// The terminal's input mode, saved so it can be restored.
    public struct SavedMode: Sendable {
        fileprivate var attributes: termios
        fileprivate var fd: Int32
    }

    /// Turns off echo and line buffering on `fd` (so keys do not scribble over
    /// the view and `q` is read at once); signals (Ctrl-C) keep working.
    /// Returns the previous mode for `restore`, or `nil` if `fd` is not a terminal.
    public static func enterCbreakMode(_ fd: Int32) -> SavedMode? {
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { return nil }
        let saved = SavedMode(attributes: t, fd: fd)
        t.c_lflag &= ~tcflag_t(ECHO | ICANON)
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &t) == 0 else { return nil }
        return saved
    }

    /// Restores a mode saved by `enterCbreakMode`.
    public static func restore(_ mode: SavedMode) {
        var t = mode.attributes
        _ = tcsetattr(mode.fd, TCSANOW, &t)
    }
}
