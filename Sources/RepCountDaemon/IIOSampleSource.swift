import RepCountCore
import RepCountIIO
import RepCountProtocol

/// A live IIO accelerometer (`RepCountIIO.LiveSource`) as a sample source.
///
/// The live source reads on its own thread and keeps one time axis across
/// losses and reconnections, so the session's pipeline runs on through an
/// unplugged sensor; its state changes become `sensor` events.
public struct IIOSampleSource: SampleSource {
    public let configuration: LiveSourceConfiguration

    public init(configuration: LiveSourceConfiguration) { self.configuration = configuration }

    public var name: String { "iio:\(configuration.address)" }
    /// A live sensor does not know what the user is about to do.
    public var exerciseHint: Exercise? { nil }
    public var placementHint: Placement? { nil }

    public func run(_ deliver: @Sendable (SourceReading) async -> Void) async throws {
        let live = LiveSource(configuration: configuration)
        // Ending the iteration (cancellation) terminates the stream, which stops the reading thread.
        defer { live.stop() }
        for await event in live.events() {
            switch event {
            case let .state(state):
                let (phase, message) = Self.phase(of: state)
                await deliver(.sensor(phase, message: message))
            case let .samples(batch):
                await deliver(.samples(batch.map(\.sample)))
            }
        }
    }

    /// The wire's sensor phase for a live-source state, with the state's own description.
    static func phase(of state: SensorState) -> (SensorPhase, String) {
        switch state {
        case .connecting: (.connecting, state.description)
        case .connected: (.connected, state.description)
        case .lost: (.lost, state.description)
        case .reconnecting: (.reconnecting, state.description)
        case .stopped: (.ended, state.description)
        }
    }
}
