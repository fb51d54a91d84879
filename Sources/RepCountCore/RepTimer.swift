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
    /// The minimum-jerk profile `10x^3 - 15x^4 + 6x^5` is at 50% at x = 0.5 and at 85%
    /// at x = 0.711, so its end (x = 1) lies 0.5 / 0.211 = 2.37 times the 50-85% interval
    /// after the 50% point.
    public static let rampEndFactor = 2.37
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
        var holdStart = crossing(h, hs - 1, hs, level: holdLevel, oldest: oldest)
        var holdEnd = crossing(h, he + 1, he, level: holdLevel, oldest: oldest, newest: to)
        // Arrival and departure from the ramps' shape: a smooth human movement approaches
        // the held pose asymptotically, so any band around the plateau is entered well
        // before the movement actually ends. The times at 50% and 85% of the height,
        // extrapolated along a minimum-jerk profile, give where the ramp ends.
        let rise50 = restBefore + 0.5 * (plateau - restBefore)
        let rise85 = restBefore + 0.85 * (plateau - restBefore)
        var i50 = hs
        while i50 > first && Double(h[i50].tilt) > rise50 { i50 -= 1 }
        var i85 = hs
        while i85 > i50 && Double(h[i85].tilt) > rise85 { i85 -= 1 }
        if i50 < i85 {
            let t50 = crossing(h, i50, i50 + 1, level: rise50, oldest: oldest, newest: to)
            let t85 = crossing(h, i85, i85 + 1, level: rise85, oldest: oldest, newest: to)
            holdStart = max(holdStart, t50 + rampEndFactor * (t85 - t50))
        }
        let fall50 = restAfter + 0.5 * (plateau - restAfter)
        let fall85 = restAfter + 0.85 * (plateau - restAfter)
        var j50 = he
        while j50 < to && Double(h[j50].tilt) > fall50 { j50 += 1 }
        var j85 = he
        while j85 < j50 && Double(h[j85].tilt) > fall85 { j85 += 1 }
        if j85 < j50 {
            let t50 = crossing(h, j50, j50 - 1, level: fall50, oldest: oldest, newest: to)
            let t85 = crossing(h, j85, j85 - 1, level: fall85, oldest: oldest, newest: to)
            holdEnd = min(holdEnd, t50 - rampEndFactor * (t50 - t85))
        }
        if holdEnd < holdStart {
            // A ramp straight into a ramp: no hold, at the top.
            let middle = (holdStart + holdEnd) / 2
            holdStart = middle
            holdEnd = middle
        }
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
