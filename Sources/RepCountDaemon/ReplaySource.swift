import RepCountCore
import RepCountIIO
import RepCountProtocol
import RepCountRecording

/// Replays a recording as if it were live: samples paced by their own time
/// stamps divided by `speed`, or as fast as the engine takes them when
/// `speed` is `nil` (`--speed max`).
public struct ReplaySource: SampleSource {
    public let path: String
    /// Playback speed relative to real time; `nil` for as fast as possible.
    public let speed: Double?
    public let exerciseHint: Exercise?
    public let placementHint: Placement?

    /// Most samples handed over in one batch. At 100 Hz this is under 3 s of
    /// recording: small enough that events reach watchers promptly at full
    /// speed, large enough that the per-batch cost vanishes.
    static let maximumBatch = 256
    /// A paced replay wakes at most once per this many seconds and hands over every
    /// sample due by then, as a live IIO source delivers one buffer at a time: one
    /// wake-up per buffer instead of one per sample, for at most a buffer's delay.
    static let pacingInterval = LiveSourceConfiguration.defaultBufferDuration

    public var name: String { "replay:\(path)" }

    /// Opens the recording once to read its metadata and fail early on a bad file.
    public init(path: String, speed: Double?) throws(RecordingError) {
        let reader = try RecordingReader(path: path)
        self.path = path
        self.speed = speed
        self.exerciseHint = reader.metadata.exercise
        self.placementHint = reader.metadata.placement
    }

    public func run(_ deliver: @Sendable (SourceReading) async -> Void) async throws {
        await deliver(.sensor(.connecting, message: nil))
        let reader = try RecordingReader(path: path)
        let clock = ContinuousClock()
        let started = clock.now
        var firstTime: Double?
        var batch: [Sample] = []
        batch.reserveCapacity(Self.maximumBatch)
        var announced = false
        var lastWake = started
        while !Task.isCancelled, let sample = try reader.next() {
            if !announced {
                announced = true
                await deliver(.sensor(.connected, message: nil))
            }
            if let speed {
                let t0 = firstTime ?? sample.time
                firstTime = t0
                let due = started + .seconds((sample.time - t0) / speed)
                if due > clock.now {
                    if !batch.isEmpty {
                        await deliver(.samples(batch))
                        batch.removeAll(keepingCapacity: true)
                    }
                    try? await clock.sleep(until: max(due, lastWake + .seconds(Self.pacingInterval)))
                    lastWake = clock.now
                }
            }
            batch.append(sample)
            if batch.count >= Self.maximumBatch {
                await deliver(.samples(batch))
                batch.removeAll(keepingCapacity: true)
                await Task.yield()
            }
        }
        if !batch.isEmpty { await deliver(.samples(batch)) }
        if !Task.isCancelled { await deliver(.sensor(.ended, message: "end of \(path)")) }
    }
}
