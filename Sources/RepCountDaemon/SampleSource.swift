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

/// Where samples come from: a replayed recording, or a live IIO accelerometer.
///
/// `run` delivers readings in order until the source ends (it returns) or the
/// task is cancelled (it returns promptly, without throwing). `deliver` is
/// awaited, so a source that can go faster than real time (a replay at
/// `--speed max`) is slowed to the pace the engine keeps up with.
public protocol SampleSource: Sendable {
    /// Where the samples come from, for logs and the history's `source`
    /// column, e.g. `replay:/tmp/a.csv` or `iio:ip:192.168.7.2`.
    var name: String { get }
    /// The exercise the source says it records (a recording's metadata), if any.
    var exerciseHint: Exercise? { get }
    /// The placement the source says it has, if any.
    var placementHint: Placement? { get }

    func run(_ deliver: @Sendable (SourceReading) async -> Void) async throws
}
