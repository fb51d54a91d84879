import RepCountJSON
import RepCountProtocol
import RepCountStore

/// Writes history records in the `history` response (`docs/protocol.md`).
/// Rep objects carry the same members as the `rep` event (without `type`),
/// plus `recorded_at`.
enum HistoryEncoding {
    static func write(_ s: SessionRecord, into w: inout JSONWriter) {
        let t = EventEncoder.timeDecimals
        w.beginObject()
        w.field("session", Int(s.id))
        w.field("exercise", s.exercise.rawValue)
        w.field("placement", s.placement.rawValue)
        w.field("target_reps", s.targets.reps)
        w.field("target_hold_s", s.targets.holdSeconds, decimals: t)
        w.field("target_sets", s.targets.sets)
        w.field("started_at", s.startedAt, decimals: t)
        w.field("ended_at", s.endedAt, decimals: t)
        w.field("reason", s.endReason?.rawValue)
        w.field("source", s.source)
        w.field("reps", s.repCount)
        w.key("sets")
        w.beginArray()
        for set in s.sets {
            w.beginObject()
            w.field("set", set.number)
            w.field("started_at", set.startedAt, decimals: t)
            w.field("ended_at", set.endedAt, decimals: t)
            w.key("reps")
            w.beginArray()
            for record in set.reps {
                let r = record.rep
                w.beginObject()
                w.field("set", r.set)
                w.field("rep", r.number)
                w.field("start", r.start, decimals: t)
                w.field("end", r.end, decimals: t)
                w.field("hold_s", r.holdSeconds, decimals: t)
                w.field("side", r.side?.rawValue)
                w.field("hold_start", r.holdStart, decimals: t)
                w.field("hold_end", r.holdEnd, decimals: t)
                w.field("target_hold_s", r.targetHoldSeconds, decimals: t)
                w.field("short", r.isShort)
                w.field("peak_deg", r.peakDegrees, decimals: EventEncoder.angleDecimals)
                w.field("recorded_at", record.recordedAt, decimals: t)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
