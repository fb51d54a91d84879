import RepCountIIO
import Testing

struct LiveSourceConfigurationTests {
    let configuration = LiveSourceConfiguration(address: DeviceAddress(uri: "local:", device: nil))

    @Test func buffersHoldFiftyMillisecondsOfSamples() {
        #expect(configuration.bufferSamples(at: 400) == 20)
        #expect(configuration.bufferSamples(at: 100) == 5)
        #expect(configuration.bufferSamples(at: 12.5) == 1)  // never empty
        #expect(configuration.bufferSamples(at: 3200) == 160)
    }

    @Test func backoffDoublesUpToTheMaximum() {
        #expect((1...7).map { configuration.backoff(attempt: $0) } == [0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0])
        #expect(configuration.backoff(attempt: 10_000) == 2.0)
    }
}
