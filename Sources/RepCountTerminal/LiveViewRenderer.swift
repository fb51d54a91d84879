import RepCountCore

/// Draws the full-screen live view: a pure function of the model, the time and
/// the terminal size.
///
/// From top to bottom: a header (exercise, side, set, sensor), a caption for
/// the big number, the big number itself (reps of target, or the rest
/// countdown), the hold timer and its bar, the last reps' holds, the movement
/// state, and a footer (connection). Block digits are scaled to the largest
/// size the terminal allows; below `minimumBigSize` the view uses plain text.
public struct LiveViewRenderer: Sendable {
    /// The smallest terminal that gets block digits; smaller ones get one line
    /// per item (still redrawn in place).
    public static let minimumBigSize = TerminalSize(columns: 40, rows: 16)
    /// The largest digit scale: beyond it digits dominate so much that the bar
    /// and the holds would be pushed off a normal screen for no gain.
    public static let maximumScale = 6
    /// The tallest hold bar, in rows.
    public static let maximumBarRows = 3
    /// Columns left blank at each side.
    static let margin = 2

    public init() {}

    /// The colours that carry meaning; kept together so the palette is consistent.
    enum Palette {
        static let header = TextStyle(bold: true, reverse: true)
        static let caption = TextStyle(bold: true)
        static let digits = TextStyle(bold: true)
        static let digitsDone = TextStyle.color(.green, bold: true)
        static let rest = TextStyle.color(.cyan, bold: true)
        static let restOver = TextStyle.color(.yellow, bold: true)
        static let holdFilling = TextStyle.color(.yellow, bold: true)
        static let holdReached = TextStyle.color(.green, bold: true)
        static let holdPast = TextStyle.color(.blue)
        static let barEmpty = TextStyle(dim: true)
        static let met = TextStyle.color(.green)
        static let short = TextStyle.color(.red)
        static let label = TextStyle(dim: true)
        static let alert = TextStyle(foreground: .white, background: .red, bold: true)
        static let ok = TextStyle.color(.green, bold: true)
        static let warning = TextStyle.color(.yellow, bold: true)
        static let lost = TextStyle.color(.red, bold: true)
    }

    /// The frame for `model` at `now` on a terminal of `size`.
    public func render(_ model: LiveViewModel, at now: Double, size: TerminalSize) -> ScreenBuffer {
        var screen = ScreenBuffer(size: size)
        guard size.rows >= 3, size.columns >= 20 else {
            // Too small for anything but the count.
            screen.put(compactCount(model), row: 0, column: 0, style: Palette.caption)
            return screen
        }
        drawHeader(model, into: &screen)
        drawFooter(model, at: now, into: &screen)
        drawBody(model, at: now, big: bigText(model, at: now), into: &screen)
        return screen
    }

    // MARK: - Header and footer

    func drawHeader(_ model: LiveViewModel, into screen: inout ScreenBuffer) {
        let w = screen.size.columns
        screen.fill(row: 0, column: 0, width: w, style: Palette.header)
        var left = " " + (model.exercise.map { $0.displayName.uppercased() } ?? "REPCOUNT")
        if let side = model.side, model.exercise?.hasSides ?? false {
            left += " · " + (side == .left ? "LEFT LEG" : "RIGHT LEG")
        }
        screen.put(left, row: 0, column: 0, style: Palette.header)
        var sensorText = "SENSOR " + model.sensor.text.uppercased()
        if sensorText.count > w / 3 { sensorText = String(sensorText.prefix(w / 3)) }
        let sensorStyle: TextStyle
        switch model.sensor.level {
        case .ok: sensorStyle = TextStyle(foreground: .green, bold: true, reverse: true)
        case .warning: sensorStyle = TextStyle(foreground: .yellow, bold: true, reverse: true)
        case .lost: sensorStyle = TextStyle(foreground: .red, bold: true, reverse: true)
        case .unknown: sensorStyle = Palette.header
        }
        let right = "● " + sensorText + " "
        screen.put(right, row: 0, column: w - right.count, style: sensorStyle)
        if let t = model.targets, t.sets > 0 {
            let setText =
                model.finished
                ? (model.setsCompleted >= t.sets ? "ALL SETS DONE" : "SESSION ENDED")
                : "SET \(min(model.set, t.sets)) OF \(t.sets)"
            let col = (w - setText.count) / 2
            if col > left.count + 1, col + setText.count < w - right.count - 1 {
                screen.put(setText, row: 0, column: col, style: Palette.header)
            }
        }
    }

    func drawFooter(_ model: LiveViewModel, at now: Double, into screen: inout ScreenBuffer) {
        let row = screen.size.rows - 1
        let w = screen.size.columns
        switch model.connection {
        case .connecting(let endpoint):
            screen.put(" connecting to \(endpoint) …", row: row, column: 0, style: Palette.label)
        case .connected(let endpoint, let server):
            screen.put(" ● ", row: row, column: 0, style: Palette.ok)
            screen.put("\(server) at \(endpoint)", row: row, column: 3, style: Palette.label)
        case .retrying(let endpoint, let reason, let attempt, let retryAt):
            let wait = NumberFormat.fixed(max(0, retryAt - now).rounded(.up), 0)
            screen.fill(row: row, column: 0, width: w, style: Palette.alert)
            screen.put(
                " daemon unreachable at \(endpoint) (\(reason)): retry \(attempt) in \(wait) s", row: row, column: 0,
                style: Palette.alert)
        }
        let hint = "Ctrl-C quits "
        if case .retrying = model.connection {} else if w > 60 {
            screen.put(hint, row: row, column: w - hint.count, style: Palette.label)
        }
    }

    // MARK: - Body

    /// The big number and its caption.
    struct Big {
        var caption: String
        var text: String
        var style: TextStyle
    }

    func bigText(_ model: LiveViewModel, at now: Double) -> Big {
        if let remaining = model.restRemaining(at: now), let rest = model.rest {
            let total = model.targets?.sets ?? 0
            let next = total > 0 ? "SET \(rest.nextSet) OF \(total)" : "SET \(rest.nextSet)"
            if remaining > 0 {
                return Big(caption: "REST · \(next) NEXT", text: NumberFormat.countdown(remaining), style: Palette.rest)
            }
            return Big(caption: "REST OVER · START \(next)", text: "0:00", style: Palette.restOver)
        }
        guard model.exercise != nil || model.sessionReps > 0 else {
            return Big(caption: "NO SESSION · START ONE WITH: repcount start bridge", text: "-", style: Palette.label)
        }
        let target = model.targets?.reps ?? 0
        let count = target > 0 ? "\(model.repsInSet)/\(target)" : "\(model.repsInSet)"
        if model.finished {
            // The set counter has moved past the last set: show the session's total.
            let sets = model.targets.map { $0.sets > 0 ? "\(model.setsCompleted) OF \($0.sets) SETS" : "\(model.setsCompleted) SETS" } ?? ""
            return Big(
                caption: "DONE · \(sets) · \(model.sessionReps) REPS · \(model.sessionRepsOnTarget) HELD TO TARGET",
                text: "\(model.sessionReps)", style: Palette.digitsDone)
        }
        let sets = model.targets.map { $0.sets > 0 ? " · SET \(model.set) OF \($0.sets)" : "" } ?? ""
        let style = target > 0 && model.repsInSet >= target ? Palette.digitsDone : Palette.digits
        return Big(caption: "REPS\(sets)", text: count, style: style)
    }

    /// The scales of the two block numbers: the big one (reps or rest) and the
    /// hold timer. The big one gets the largest scale that fits; the hold timer
    /// is drawn in block digits too when the rows left over allow (large
    /// terminals), never larger than the big number.
    struct Layout: Equatable {
        var scale: Int
        var holdScale: Int
    }

    func chooseLayout(_ text: String, holdText: String?, size: TerminalSize) -> Layout {
        let largest = chooseScale(text, size: size)
        guard largest > 0, let holdText, BigText.canRender(holdText) else { return Layout(scale: largest, holdScale: 0) }
        // Of the layouts that fit, the one with the most digit rows in total,
        // and of those the most balanced: on a large screen a 20-row count over
        // a 15-row timer reads better than a 30-row count over a 5-row one.
        var best = Layout(scale: largest, holdScale: 0)
        for scale in stride(from: largest, through: 1, by: -1) {
            let used = BigText.height(scale: scale) + Self.fixedBodyRows + Self.barRows(scale: scale)
            for h in stride(from: scale - 1, through: 1, by: -1)
            where used + BigText.height(scale: h) + 1 <= size.rows - 2
                && BigText.width(holdText, scale: h) <= size.columns - 2 * Self.margin
            {
                let better =
                    scale + h > best.scale + best.holdScale
                    || (scale + h == best.scale + best.holdScale && scale - h < best.scale - best.holdScale)
                if better { best = Layout(scale: scale, holdScale: h) }
                break
            }
        }
        return best
    }

    /// The largest scale at which `text` and the rest of the body fit.
    func chooseScale(_ text: String, size: TerminalSize) -> Int {
        guard size.columns >= Self.minimumBigSize.columns, size.rows >= Self.minimumBigSize.rows,
            BigText.canRender(text)
        else { return 0 }
        let bodyRows = size.rows - 2
        var best = 0
        for s in 1...Self.maximumScale {
            let needed = BigText.height(scale: s) + Self.fixedBodyRows + Self.barRows(scale: s)
            if needed <= bodyRows, BigText.width(text, scale: s) <= size.columns - 2 * Self.margin { best = s }
        }
        return best
    }

    /// Rows of the body other than digits and bar: caption, hold label, holds
    /// strip, state line, and one blank between digits and hold label.
    static let fixedBodyRows = 5

    static func barRows(scale: Int) -> Int { max(1, min(maximumBarRows, scale)) }

    func drawBody(_ model: LiveViewModel, at now: Double, big: Big, into screen: inout ScreenBuffer) {
        let bar = barSpec(model, at: now)
        let layout = chooseLayout(big.text, holdText: bar.bigValue, size: screen.size)
        let scale = layout.scale
        let top = 1
        let bottom = screen.size.rows - 1  // exclusive: the footer row
        let bodyRows = bottom - top
        let digitRows = scale > 0 ? BigText.height(scale: scale) : 1
        let holdRows = layout.holdScale > 0 ? BigText.height(scale: layout.holdScale) + 1 : 0
        let barRows = Self.barRows(scale: scale)
        let used = digitRows + Self.fixedBodyRows + barRows + holdRows
        // Spare rows go above the caption, between the digits and the hold, and
        // between the bar and the holds strip, so the view breathes evenly.
        let spare = max(0, bodyRows - used)
        let gapTop = spare / 3
        let gapMid = spare / 3
        let gapLow = spare - gapTop - gapMid
        var row = top + gapTop

        // Caption, or the connection alert in its place.
        if case .retrying(_, _, let attempt, let retryAt) = model.connection {
            let wait = NumberFormat.fixed(max(0, retryAt - now).rounded(.up), 0)
            var text = " DAEMON NOT RUNNING · RECONNECTING IN \(wait) s (ATTEMPT \(attempt)) "
            if text.count > screen.size.columns { text = " RECONNECTING IN \(wait) s " }
            screen.putCentered(text, row: row, style: Palette.alert)
        } else if model.movement == .settling, model.exercise != nil, model.rest == nil {
            screen.putCentered(big.caption + " · KEEP STILL: LEARNING THE REST POSE", row: row, style: Palette.caption)
        } else {
            screen.putCentered(big.caption, row: row, style: Palette.caption)
        }
        row += 1

        if scale > 0 {
            BigText.drawCentered(big.text, into: &screen, row: row, scale: scale, style: big.style)
        } else {
            screen.putCentered(big.text, row: row, style: big.style)
        }
        row += digitRows + 1 + gapMid

        if layout.holdScale > 0, let value = bar.bigValue {
            BigText.drawCentered(value, into: &screen, row: row, scale: layout.holdScale, style: bar.style)
            row += holdRows
        }
        drawBar(bar, row: row, barRows: barRows, into: &screen)
        row += 1 + barRows + gapLow

        drawRecentHolds(model, row: row, into: &screen)
        row += 1

        drawState(model, row: row, into: &screen)
    }

    /// What the bar shows: the hold in progress, the rest between sets, or the
    /// last rep's hold.
    struct BarSpec: Equatable {
        var label: String
        var labelStyle: TextStyle
        var mark: String?
        var markStyle: TextStyle
        var fraction: Double
        var style: TextStyle
        /// The number to draw in block digits when there is room.
        var bigValue: String?
    }

    /// While holding, the bar fills toward the target (yellow) and turns green
    /// when it is reached; during the rest between sets it empties as the rest
    /// runs out; otherwise it shows the last rep's hold in a quieter colour.
    func barSpec(_ model: LiveViewModel, at now: Double) -> BarSpec {
        let target = model.targets?.holdSeconds ?? 0
        let of = model.targets == nil ? "" : target > 0 ? " of \(NumberFormat.seconds(target)) s" : " (no hold target)"
        func fraction(_ seconds: Double) -> Double { target > 0 ? min(1, seconds / target) : (seconds > 0 ? 1 : 0) }
        if model.movement == .holding {
            let seconds = model.holdElapsed(at: now)
            let reached = model.holdTargetReached || (target > 0 && seconds >= target)
            let value = NumberFormat.fixed(seconds, 1)
            return BarSpec(
                label: "HOLD  \(value) s" + of, labelStyle: Palette.caption,
                mark: reached && target > 0 ? "TARGET REACHED ✓" : nil, markStyle: Palette.holdReached,
                fraction: fraction(seconds), style: reached ? Palette.holdReached : Palette.holdFilling, bigValue: value)
        }
        if let rest = model.rest, let remaining = model.restRemaining(at: now) {
            let left = max(0, remaining)
            return BarSpec(
                label: "REST  \(NumberFormat.fixed(left.rounded(.up), 0)) s left of \(NumberFormat.seconds(rest.duration)) s",
                labelStyle: Palette.caption, mark: left > 0 ? "BREATHE" : "GO", markStyle: Palette.rest,
                fraction: rest.duration > 0 ? left / rest.duration : 0, style: Palette.rest, bigValue: nil)
        }
        if let last = model.recentReps.last {
            let value = NumberFormat.fixed(last.holdSeconds, 1)
            let mark: String? =
                target <= 0 ? nil : last.isShort ? "SHORT by \(NumberFormat.fixed(target - last.holdSeconds, 1)) s" : "MET ✓"
            return BarSpec(
                label: "LAST HOLD  \(value) s" + of, labelStyle: Palette.label, mark: mark,
                markStyle: last.isShort ? Palette.short : Palette.met, fraction: fraction(last.holdSeconds),
                style: Palette.holdPast, bigValue: value)
        }
        return BarSpec(
            label: "HOLD  0.0 s" + of, labelStyle: Palette.label, mark: nil, markStyle: Palette.label, fraction: 0,
            style: Palette.holdPast, bigValue: nil)
    }

    func drawBar(_ bar: BarSpec, row: Int, barRows: Int, into screen: inout ScreenBuffer) {
        let x0 = Self.margin
        let barWidth = max(1, screen.size.columns - 2 * Self.margin)
        screen.put(bar.label, row: row, column: x0, style: bar.labelStyle)
        if let mark = bar.mark, bar.label.count + mark.count + 2 <= barWidth {
            screen.put(mark, row: row, column: x0 + barWidth - mark.count, style: bar.markStyle)
        }
        let cells = Self.barCells(fraction: bar.fraction, width: barWidth)
        for r in 0..<barRows {
            for (i, ch) in cells.enumerated() {
                screen[row + 1 + r, x0 + i] = ScreenBuffer.Cell(ch, ch == "░" ? Palette.barEmpty : bar.style)
            }
        }
    }

    /// Eighth-block characters for the partial cell at the bar's tip, so the bar
    /// moves smoothly (a 76-cell bar for a 6 s hold moves a cell every 80 ms).
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `width` cells filled to `fraction`: full blocks, one partial
    /// block, then light shade for the part still to go.
    public static func barCells(fraction: Double, width: Int) -> [Character] {
        let f = min(1, max(0, fraction.isFinite ? fraction : 0))
        let eighthsFilled = Int((f * Double(width) * 8).rounded(.down))
        let full = eighthsFilled / 8
        let part = eighthsFilled % 8
        var cells = [Character](repeating: "█", count: full)
        if full < width {
            if part > 0 { cells.append(eighths[part - 1]) }
            cells += [Character](repeating: "░", count: width - cells.count)
        }
        return cells
    }

    /// "LAST HOLDS" and as many of the recent reps' holds as fit, newest on the
    /// right, green when they met the target and red when short.
    func drawRecentHolds(_ model: LiveViewModel, row: Int, into screen: inout ScreenBuffer) {
        let x0 = Self.margin
        let title = "HOLDS"
        screen.put(title, row: row, column: x0, style: Palette.label)
        let available = screen.size.columns - 2 * Self.margin - title.count - 1
        let items = model.recentReps.map { rep -> (String, TextStyle) in
            let side = rep.side.map { $0 == .left ? "L" : "R" } ?? ""
            let mark = rep.isShort ? "✗" : "✓"
            return ("\(side)\(NumberFormat.fixed(rep.holdSeconds, 1))\(mark)", rep.isShort ? Palette.short : Palette.met)
        }
        guard !items.isEmpty else {
            screen.put("none yet this session", row: row, column: x0 + title.count + 2, style: Palette.label)
            return
        }
        var shown: [(String, TextStyle)] = []
        var width = 0
        for item in items.reversed() {
            let w = item.0.count + 2
            if width + w > available { break }
            shown.insert(item, at: 0)
            width += w
        }
        var col = x0 + title.count + 1
        for (text, style) in shown {
            screen.put(" " + text, row: row, column: col, style: style)
            col += text.count + 2
        }
        let summary = "\(model.sessionRepsOnTarget)/\(model.sessionReps) on target"
        if col + summary.count + 2 <= screen.size.columns - Self.margin {
            screen.put(summary, row: row, column: screen.size.columns - Self.margin - summary.count, style: Palette.label)
        }
    }

    /// The movement state in words, and the daemon's last error if any.
    func drawState(_ model: LiveViewModel, row: Int, into screen: inout ScreenBuffer) {
        let x0 = Self.margin
        var (word, style): (String, TextStyle)
        switch model.movement {
        case .settling: (word, style) = ("SETTLING", Palette.label)
        case .rest: (word, style) = ("AT REST", TextStyle.color(.cyan))
        case .moving: (word, style) = ("MOVING", TextStyle.color(.magenta, bold: true))
        case .holding:
            (word, style) = model.holdTargetReached ? ("HOLDING · COME DOWN SLOWLY", Palette.holdReached) : ("HOLDING", Palette.holdFilling)
        }
        if model.finished, model.movement != .holding { (word, style) = ("SESSION OVER", Palette.ok) }
        if model.exercise == nil { (word, style) = ("WAITING FOR A SESSION", Palette.label) }
        screen.put(word, row: row, column: x0, style: style)
        var notice = model.notice.map { "daemon: " + $0 }
        if notice == nil, model.sensor.level != .ok, let detail = model.sensor.detail {
            notice = "sensor: " + detail
        }
        if let notice {
            let text = notice
            let col = max(x0 + word.count + 3, screen.size.columns - Self.margin - text.count)
            screen.put(String(text.prefix(max(0, screen.size.columns - Self.margin - col))), row: row, column: col, style: Palette.warning)
        }
    }

    func compactCount(_ model: LiveViewModel) -> String {
        let t = model.targets?.reps ?? 0
        return t > 0 ? "\(model.repsInSet)/\(t)" : "\(model.repsInSet)"
    }
}
