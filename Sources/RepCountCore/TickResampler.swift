/// Resamples the gravity estimate onto a fixed time grid (`interval`, 50 Hz).
///
/// Everything after this stage runs once per tick, whatever the sensor's rate:
/// 50 Hz and 400 Hz inputs reach the rep logic as the same 50 Hz stream, histories
/// have a fixed length in seconds, and the per-sample cost of a fast sensor stays
/// one filter update. Ticks lie on multiples of `interval` on the sample time axis,
/// and each is interpolated linearly between the two readings that straddle it, so
/// jitter in the sample times does not become jitter in the ticks.
public struct TickResampler: Sendable, Equatable {
    /// Seconds between ticks. 50 Hz: the filtered signal has no content above
    /// ~3 Hz, and 20 ms is well inside the 0.1 s precision asked of hold times.
    public static let defaultInterval = 0.02

    public let interval: Double
    private var previous: GravityEstimator.Reading?
    /// Index of the next grid time to emit.
    private var nextIndex = 0

    public init(interval: Double = TickResampler.defaultInterval) {
        self.interval = interval
    }

    /// Time of tick `index`, seconds.
    @inline(__always)
    public func time(ofTick index: Int) -> Double { Double(index) * interval }

    /// Feeds one reading and calls `tick` for every grid time in (previous, reading].
    /// With `restart` (first reading, or the first after a gap) no tick is interpolated
    /// across the hole: the grid resumes at the first grid time at or after `reading`.
    @inline(__always)
    public mutating func feed(_ reading: GravityEstimator.Reading, restart: Bool, _ tick: (GravityEstimator.Reading) -> Void) {
        guard !restart, let before = previous else {
            previous = reading
            var index = Int((reading.time / interval).rounded(.up))
            if time(ofTick: index) < reading.time { index += 1 }
            nextIndex = index
            if time(ofTick: index) == reading.time {
                tick(reading)
                nextIndex += 1
            }
            return
        }
        previous = reading
        var t = time(ofTick: nextIndex)
        guard t <= reading.time else { return }
        let span = reading.time - before.time
        while t <= reading.time {
            // span > 0 here: a tick lies in (before.time, reading.time].
            let w = span > 0 ? (t - before.time) / span : 1
            tick(GravityEstimator.Reading(
                time: t,
                gravity: before.gravity + (reading.gravity - before.gravity) * w,
                activityPower: before.activityPower + (reading.activityPower - before.activityPower) * w))
            nextIndex += 1
            t = time(ofTick: nextIndex)
        }
    }
}
