/// Measures a completed rep's boundaries and hold from its tilt trace.
///
/// Label semantics (`../shared/formats.md`): `start` leaving rest, `holdStart`
/// arriving in the held pose, `holdEnd` leaving it, `end` back at rest. The
/// held pose is the plateau level (the mean of the rep's top fifth); the rep is
/// "in" it while the tilt is within `max(holdFraction * height, holdTolerance)`
/// of that level. A slow ramp with no plateau has a short hold, as it should.
/// Crossings are interpolated between ticks.
public enum RepTimer {
    /// Times of one rep on the tick axis (before the filter delay is removed), seconds.
    public struct Timing: Sendable, Equatable {
        public var start: Double
        public var holdStart: Double
        public var holdEnd: Double
        public var end: Double
        /// Plateau level, degrees from rest.
        public var plateau: Double
    }

    /// Fraction of the peak height above which samples define the plateau level.
    public static let topFraction = 0.8
    /// Seconds of history before the excursion searched for the rest level and start.
    public static let restWindowSeconds = 1.5

    /// The timing of the rep whose excursion spans history entries `from...to`
    /// (`to` = where it came back below the exit level) and whose peak is `peak`.
    public static func measure(
        _ h: TiltHistory, from: Int, to: Int, peak: Double, tickInterval: Double, profile: ExerciseProfile
    ) -> Timing {
        let oldest = h.oldest
        let lead = Int(restWindowSeconds / tickInterval)
        let first = max(oldest, from - lead)
        // Rest level before: the lowest tilt in the window before the excursion.
        var restBefore = Double(h[from].tilt)
        for i in first...from { restBefore = min(restBefore, Double(h[i].tilt)) }
        let restAfter = min(Double(h[to].tilt), restBefore + 0.5 * (peak - restBefore))
        // Plateau: mean of the tilts above topFraction of the height.
        let base = max(restBefore, restAfter)
        let top = base + topFraction * (peak - base)
        var sum = 0.0
        var n = 0
        for i in from...to where Double(h[i].tilt) >= top {
            sum += Double(h[i].tilt)
            n += 1
        }
        let plateau = n > 0 ? sum / Double(n) : peak
        let height = plateau - min(restBefore, restAfter)
        let tolerance = max(profile.holdFraction * height, profile.holdToleranceDegrees)
        let holdLevel = plateau - tolerance
        var hs = to
        var he = from
        for i in from...to where Double(h[i].tilt) >= holdLevel {
            hs = min(hs, i)
            he = i
        }
        if hs > he { (hs, he) = (he, hs) }
        let holdStart = crossing(h, hs - 1, hs, level: holdLevel, oldest: oldest)
        let holdEnd = crossing(h, he + 1, he, level: holdLevel, oldest: oldest, newest: to)
        // Leaving rest: the last tick before the hold at or below the edge level.
        let startLevel = restBefore + profile.edgeFraction * (plateau - restBefore)
        var s = hs
        while s > first && Double(h[s].tilt) > startLevel { s -= 1 }
        let start = crossing(h, s, s + 1, level: startLevel, oldest: oldest, newest: to)
        // Back at rest: the first tick after the hold at or below the edge level (or the
        // exit point, if the rep ended at a drifted rest level above it).
        let endLevel = restAfter + profile.edgeFraction * (plateau - restAfter)
        var e = he
        while e < to && Double(h[e].tilt) > endLevel { e += 1 }
        let end = crossing(h, e, e - 1, level: endLevel, oldest: oldest, newest: to)
        return Timing(start: start, holdStart: holdStart, holdEnd: holdEnd, end: end, plateau: plateau)
    }

    /// The time at which the tilt crosses `level` between entries `outside` (on the far
    /// side of the level, or out of range) and `inside`; `inside`'s time if not bracketed.
    static func crossing(
        _ h: TiltHistory, _ outside: Int, _ inside: Int, level: Double, oldest: Int, newest: Int = Int.max
    ) -> Double {
        let b = h[inside]
        guard outside >= oldest, outside < h.written, outside <= newest else { return b.time }
        let a = h[outside]
        let ya = Double(a.tilt)
        let yb = Double(b.tilt)
        guard (ya - level) * (yb - level) <= 0, ya != yb else { return b.time }
        return a.time + (level - ya) / (yb - ya) * (b.time - a.time)
    }
}
