/// Block digits for reading a number from across the room.
///
/// Each glyph is a 3x5 pixel bitmap; a pixel is drawn as `2*scale` columns by
/// `scale` rows of full blocks, because a terminal cell is about twice as tall
/// as it is wide, so pixels come out square. At scale 1 a digit is 6x5 cells;
/// on a 24-row terminal in a typical 14 px font that is about 7 cm tall on a
/// laptop screen, readable from the mat two metres away.
public enum BigText {
    /// Rows of pixels in a glyph.
    public static let pixelRows = 5
    /// Blank pixel columns between glyphs.
    static let gapPixels = 1

    /// The bitmaps, `#` for a lit pixel. Digits are 3 px wide; punctuation narrower.
    static let glyphs: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        "/": ["..#", "..#", ".#.", "#..", "#.."],
        ":": [".", "#", ".", "#", "."],
        ".": [".", ".", ".", ".", "#"],
        "-": ["...", "...", "###", "...", "..."],
        " ": ["..", "..", "..", "..", ".."],
    ]

    /// Whether `text` can be drawn in block letters.
    public static func canRender(_ text: String) -> Bool {
        text.allSatisfy { glyphs[$0] != nil }
    }

    /// Width in cells of `text` at `scale`.
    public static func width(_ text: String, scale: Int) -> Int {
        let pixels = text.reduce(0) { $0 + (glyphs[$1]?[0].count ?? 0) } + gapPixels * max(0, text.count - 1)
        return pixels * 2 * scale
    }

    /// Height in cells at `scale`.
    public static func height(scale: Int) -> Int { pixelRows * scale }

    /// Draws `text` with its top-left corner at (`row`, `column`).
    public static func draw(
        _ text: String, into screen: inout ScreenBuffer, row: Int, column: Int, scale: Int, style: TextStyle
    ) {
        var x = column
        for ch in text {
            guard let glyph = glyphs[ch] else { continue }
            for (py, line) in glyph.enumerated() {
                for (px, bit) in line.enumerated() where bit == "#" {
                    screen.fill(
                        row: row + py * scale, column: x + px * 2 * scale,
                        width: 2 * scale, height: scale, character: "█", style: style)
                }
            }
            x += (glyph[0].count + gapPixels) * 2 * scale
        }
    }

    /// Draws `text` centred horizontally on `row`.
    public static func drawCentered(_ text: String, into screen: inout ScreenBuffer, row: Int, scale: Int, style: TextStyle) {
        let w = width(text, scale: scale)
        draw(text, into: &screen, row: row, column: max(0, (screen.size.columns - w) / 2), scale: scale, style: style)
    }
}
