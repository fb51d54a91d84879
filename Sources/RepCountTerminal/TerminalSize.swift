/// A terminal's size in character cells.
public struct TerminalSize: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// The classic VT100 size, assumed when the size cannot be read.
    public static let vt100 = TerminalSize(columns: 80, rows: 24)

    public var description: String { "\(columns)x\(rows)" }
}
