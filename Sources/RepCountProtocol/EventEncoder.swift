import RepCountCore
import RepCountJSON

/// Writes `WireEvent`s as JSON Lines (`docs/formats.md`).
///
/// Attribute order is fixed (the shared format's fields first, then ours) so
/// that the same session always gives the same bytes; readers must not rely
/// on it. Times and durations are rounded to the millisecond, angles to a
/// hundredth of a degree: finer digits would only print sensor noise.
public enum EventEncoder {
    /// Decimals for times on the recording's axis and for durations: 1 ms.
    public static let timeDecimals = 3
    /// Decimals for angles in degrees: 0.01 degree.
    public static let angleDecimals = 2

    /// Appends `event` as one JSON object followed by a newline.
    public static func encode(_ event: WireEvent, into w: inout JSONWriter) {
        w.beginObject()
        w.field("type", event.type)
        switch event {
        case let .state(state, time):
            w.field("state", state.rawValue)
            w.field("time", time, decimals: timeDecimals)
        case let .holdTargetReached(time, hold):
            w.field("time", time, decimals: timeDecimals)
            w.field("hold_s", hold, decimals: timeDecimals)
        case let .rep(rep):
            encodeRep(rep, into: &w)
        case let .set(set):
            encodeSet(set, into: &w)
        case let .summary(summary):
            encodeSummary(summary, into: &w)
        }
        w.endObject()
        w.newline()
    }

    /// Appends a pipeline event as one JSON line.
    public static func encode(_ event: PipelineEvent, into w: inout JSONWriter) {
        encode(WireEvent(event), into: &w)
    }

    /// One event as a JSON line, newline included.
    public static func line(_ event: WireEvent) -> String {
        var w = JSONWriter(capacity: 256)
        encode(event, into: &w)
        return w.string
    }

    private static func encodeRep(_ rep: Rep, into w: inout JSONWriter) {
        w.field("set", rep.set)
        w.field("rep", rep.number)
        w.field("start", rep.start, decimals: timeDecimals)
        w.field("end", rep.end, decimals: timeDecimals)
        w.field("hold_s", rep.holdSeconds, decimals: timeDecimals)
        w.field("side", rep.side?.rawValue)
        w.field("hold_start", rep.holdStart, decimals: timeDecimals)
        w.field("hold_end", rep.holdEnd, decimals: timeDecimals)
        w.field("target_hold_s", rep.targetHoldSeconds, decimals: timeDecimals)
        w.field("short", rep.isShort)
        w.field("peak_deg", rep.peakDegrees, decimals: angleDecimals)
    }

    /// The members of a set, shared by the `set` event and the summary's `sets`.
    private static func encodeSetMembers(_ set: SetReport, into w: inout JSONWriter) {
        w.field("set", set.set)
        w.field("reps", set.reps)
        w.field("start", set.start, decimals: timeDecimals)
        w.field("end", set.end, decimals: timeDecimals)
        w.field("mean_hold_s", set.meanHoldSeconds, decimals: timeDecimals)
        w.field("short_reps", set.shortReps)
        // Side counts only mean something for bird dogs; other sets omit them.
        if set.hasSides {
            w.field("left_reps", set.leftReps)
            w.field("right_reps", set.rightReps)
        }
    }

    private static func encodeSet(_ set: SetReport, into w: inout JSONWriter) {
        encodeSetMembers(set, into: &w)
    }

    private static func encodeSummary(_ summary: SessionSummary, into w: inout JSONWriter) {
        w.field("exercise", summary.exercise.rawValue)
        w.field("placement", summary.placement.rawValue)
        w.key("sets")
        w.beginArray()
        for set in summary.sets {
            w.beginObject()
            encodeSetMembers(set, into: &w)
            w.endObject()
        }
        w.endArray()
        w.field("reps", summary.reps)
        w.field("short_reps", summary.shortReps)
        w.field("mean_hold_s", summary.meanHoldSeconds, decimals: timeDecimals)
        w.field("target_hold_s", summary.targets.holdSeconds, decimals: timeDecimals)
        w.field("target_reps", summary.targets.reps)
        w.field("target_sets", summary.targets.sets)
    }
}
