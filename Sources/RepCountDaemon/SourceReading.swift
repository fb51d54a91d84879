import RepCountCore
import RepCountProtocol

/// What a sample source hands the engine: batches of samples, and changes of
/// the sensor's condition.
public enum SourceReading: Sendable, Equatable {
    /// Samples in time order, on the source's own time axis (seconds).
    case samples([Sample])
    /// The sensor changed condition; `message` says why (e.g. a libiio error).
    case sensor(SensorPhase, message: String?)
}
