/// Resamples the gravity estimate onto a fixed time grid (`interval`, 25 Hz).
///
/// Everything after this stage runs once per tick, whatever the sensor's rate:
/// 50 Hz and 400 Hz inputs reach the rep logic as the same 25 Hz stream, histories
/// have a fixed length in seconds, and the per-sample cost of a fast sensor stays
/// one filter update. Ticks lie on multiples of `interval` on the sample time axis,
/// and each is interpolated linearly between the two readings that straddle it, so
/// jitter in the sample times does not become jitter in the ticks.
public struct TickResampler: Sendable, Equatable {
    /// Seconds between ticks. 25 Hz: the gravity estimate is down 36 dB at the 12.5 Hz
    /// Nyquist frequency and has no useful content above ~2 Hz, and rep boundaries are
    /// interpolated between ticks, well inside the 0.1 s precision asked of hold times.
    public static let defaultInterval = 0.04

    public let interval: Double
    private var started = false
    /// The reading before the latest one (the start of the interpolation interval).
    private var before = GravityEstimator.Reading(time: 0, gravity: .zero, activityPower: 0)
    /// The latest reading.
    private var latest = GravityEstimator.Reading(time: 0, gravity: .zero, activityPower: 0)
    /// Index of the next grid time to emit.
    private var nextIndex = 0

    public init(interval: Double = TickResampler.defaultInterval) {
        self.interval = interval
    }

    /// Time of tick `index`, seconds.
    @inline(__always)
    public func time(ofTick index: Int) -> Double { Double(index) * interval }

    /// Feeds one reading; then `next()` yields every grid time in (previous, reading].
    /// With `restart` (first reading, or the first after a gap) no tick is interpolated
    /// across the hole: the grid resumes at the first grid time at or after `reading`.
    @inline(__always)
    public mutating func feed(_ reading: GravityEstimator.Reading, restart: Bool) {
        if restart || !started {
            started = true
            var index = Int((reading.time / interval).rounded(.up))
            if time(ofTick: index) < reading.time { index += 1 }
            nextIndex = index
            // A reading exactly on the grid is its own tick.
            before = reading
        } else {
            before = latest
        }
        latest = reading
    }

    /// The next tick for the readings fed so far, or `nil` when the grid has caught up.
    @inline(__always)
    public mutating func next() -> GravityEstimator.Reading? {
        let t = time(ofTick: nextIndex)
        guard t <= latest.time else { return nil }
        nextIndex += 1
        let span = latest.time - before.time
        // span > 0 here unless the tick is the reading itself.
        let w = span > 0 ? (t - before.time) / span : 1
        return GravityEstimator.Reading(
            time: t,
            gravity: before.gravity + (latest.gravity - before.gravity) * w,
            activityPower: before.activityPower + (latest.activityPower - before.activityPower) * w)
    }
}
