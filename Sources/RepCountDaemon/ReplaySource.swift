import RepCountCore
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
    /// A paced replay sleeps only when the next sample is due at least this
    /// far ahead, in seconds (2 ms): shorter sleeps cost more than they pace.
    static let minimumSleep = 0.002

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
        while !Task.isCancelled, let sample = try reader.next() {
            if !announced {
                announced = true
                await deliver(.sensor(.connected, message: nil))
            }
            if let speed {
                let t0 = firstTime ?? sample.time
                firstTime = t0
                let due = started + .seconds((sample.time - t0) / speed)
                let ahead = clock.now.duration(to: due)
                if ahead > .seconds(Self.minimumSleep) {
                    if !batch.isEmpty {
                        await deliver(.samples(batch))
                        batch.removeAll(keepingCapacity: true)
                    }
                    try? await clock.sleep(until: due)
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
