/// Puts live samples on one monotone time axis (seconds from the first
/// sample of the session), across reconnections.
///
/// Within a connection, time is the `timestamp` channel's nanoseconds from
/// the session's first timestamp when the device has that channel, else the
/// sample index over the sampling frequency. When a connection starts, the
/// caller says how long the sensor was away (a host monotonic clock
/// measures it); a device clock that continues is kept, one that restarted
/// or never existed is re-based to the last time plus that gap, so time
/// never goes backwards and the pipeline's gap logic sees the real pause.
/// Pure value type: no clock is read here.
public struct LiveTimeline: Sendable, Equatable {
    /// Time of the last sample handed out, s.
    public private(set) var lastTime: Double?
    private var timestampBase: Int64?
    private var segmentOffset = 0.0
    private var segmentIndex = 0
    private var segmentRate = 1.0
    private var segmentFresh = true
    private var pendingGap = 0.0

    public init() {}

    /// Starts a connection at `rate` Hz, `gap` seconds of host time after
    /// the last sample of the previous connection (ignored on the first).
    public mutating func beginSegment(rate: Double, gap: Double) {
        segmentRate = rate > 0 ? rate : 1
        segmentIndex = 0
        segmentFresh = true
        pendingGap = max(gap, 1 / segmentRate)
    }

    /// The time of the next sample, from its device timestamp (ns) if any.
    public mutating func next(timestamp: Int64?) -> Double {
        var t: Double
        if let ts = timestamp {
            if timestampBase == nil { timestampBase = ts }
            t = segmentOffset + Double(ts &- timestampBase!) / 1e9
            if segmentFresh, let last = lastTime, t <= last {
                // The device clock restarted (or jumped back): re-base it.
                segmentOffset += last + pendingGap - t
                t = last + pendingGap
            }
        } else {
            if segmentFresh {
                segmentOffset = lastTime.map { $0 + pendingGap } ?? 0
            }
            t = segmentOffset + Double(segmentIndex) / segmentRate
        }
        segmentFresh = false
        segmentIndex += 1
        if let last = lastTime, t < last { t = last }  // never backwards within a connection
        lastTime = t
        return t
    }
}
