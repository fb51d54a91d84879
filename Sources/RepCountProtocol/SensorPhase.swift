/// What the daemon knows of its sample source, as the `sensor` event and
/// `status` report it. The names follow `RepCountIIO.SensorState`.
public enum SensorPhase: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Opening the device (or the recording); no sample yet.
    case connecting
    /// Samples are arriving.
    case connected
    /// Samples stopped arriving (device unplugged, `iiod` gone, a refill failed).
    case lost
    /// Waiting to try the device again.
    case reconnecting
    /// The source has ended for good (end of a replayed recording, or stopped).
    case ended
}
