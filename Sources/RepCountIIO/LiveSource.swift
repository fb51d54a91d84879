import Dispatch
import RepCountCore
import RepCountPlatform
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a live accelerometer through libiio and reports calibrated samples
/// and sensor state changes, surviving sensor loss.
///
/// `run(_:)` is the loop: it connects (context, device, channels, rate,
/// buffer), refills about every `bufferDuration`, converts each scan with the
/// channels' data formats and `(raw + offset) * scale`, and hands out one
/// `.samples` batch per refill, in order. A failure (device gone, `iiod`
/// gone, refill timeout) is reported as `.lost`, followed by `.reconnecting`
/// with exponential backoff until the device is back, then `.connected`
/// again; times stay monotone (`LiveTimeline`), so a `Pipeline` fed from the
/// events never restarts. `stop()` ends the loop from any thread.
///
/// All libiio calls happen on the thread that calls `run(_:)` (or the thread
/// `events()` starts); libiio contexts are not thread-safe.
public final class LiveSource: Sendable {
    public let configuration: LiveSourceConfiguration
    private let control = Control()

    public init(configuration: LiveSourceConfiguration) {
        self.configuration = configuration
    }

    /// Connects once and reports what was found, without streaming: for
    /// commands that should fail fast on a wrong address or ambiguity.
    public func probe() throws(IIOError) -> SensorInfo {
        try Connection(configuration: configuration).info
    }

    /// Runs until `stop()`, calling `handler` on this thread for each event;
    /// the last event is `.state(.stopped)`.
    ///
    /// SIGPIPE is blocked on this thread while it runs: libiio's network
    /// backend writes to the iiod socket, and a vanished iiod must show up as
    /// EPIPE (a lost sensor), not kill the process. A SIGPIPE left pending is
    /// drained before the thread's signal mask is restored.
    public func run(_ handler: (LiveSourceEvent) -> Void) {
        let previousMask = SignalMask.blockSIGPIPE()
        defer { SignalMask.restore(previousMask) }
        let clock = ContinuousClock()
        var times = LiveTimeline()
        var attempt = 0
        var lastBatch: ContinuousClock.Instant?
        handler(.state(.connecting(uri: configuration.address.uri)))
        while !control.isStopped {
            var connected = false
            do {
                let connection = try Connection(configuration: configuration)
                guard control.attach(connection.buffer) else { break }
                defer { control.detach() }
                let rate = connection.info.samplingFrequency
                while !control.isStopped {
                    _ = try connection.buffer.refill()
                    let now = clock.now
                    if !connected {
                        // The first batch spans one buffer; the pause is what lies before it.
                        let batchSpan = Double(connection.info.bufferSamples) / rate
                        let gap = lastBatch.map { (now - $0).seconds - batchSpan } ?? 0
                        times.beginSegment(rate: rate, gap: gap)
                    }
                    let batch = connection.decode(&times)
                    lastBatch = now
                    if !connected {
                        connected = true
                        attempt = 0
                        handler(.state(.connected(connection.info)))
                    }
                    handler(.samples(batch))
                }
            } catch {
                if control.isStopped { break }
                if connected { handler(.state(.lost(reason: error.description))) }
                attempt += 1
                let delay = configuration.backoff(attempt: attempt)
                handler(.state(.reconnecting(attempt: attempt, delaySeconds: delay, reason: error.description)))
                control.wait(seconds: delay)
            }
        }
        handler(.state(.stopped))
    }

    /// Ends `run(_:)`: cancels a blocked refill and wakes a backoff wait.
    /// Safe from any thread, including a signal-handling one.
    public func stop() { control.stop() }

    /// The events as an async sequence, read on a thread of its own. The
    /// stream is unbounded so no sample is ever dropped; it finishes after
    /// `.state(.stopped)`. Cancelling the consuming task stops the source.
    public func events() -> AsyncStream<LiveSourceEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveSourceEvent.self, bufferingPolicy: .unbounded)
        continuation.onTermination = { [self] _ in stop() }
        DetachedThread.start(name: "repcount.iio") { [self] in
            run { continuation.yield($0) }
            continuation.finish()
        }
        return stream
    }
}

/// Blocking SIGPIPE on the current thread only.
enum SignalMask {
    static func blockSIGPIPE() -> sigset_t {
        var block = sigset_t()
        var old = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &old)
        return old
    }

    static func restore(_ old: sigset_t) {
        var pipe = sigset_t()
        sigemptyset(&pipe)
        sigaddset(&pipe, SIGPIPE)
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&pipe, nil, &none) == SIGPIPE {}
        var old = old
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}

/// The stop flag and the buffer a blocked refill waits on, shared between
/// the reading thread and whoever calls `stop()`.
private final class Control: Sendable {
    /// The stop flag; its lock also guards `buffer`.
    private let stopped = Mutex(false)
    /// Read and written only with `stopped` locked. The reading thread keeps
    /// using the buffer; the only use from another thread is `cancel()`,
    /// which libiio allows from any thread.
    private nonisolated(unsafe) var buffer: IIOBuffer?
    private let wake = DispatchSemaphore(value: 0)

    var isStopped: Bool { stopped.withLock { $0 } }

    /// Records the buffer to cancel on `stop()`; false if already stopped.
    func attach(_ b: IIOBuffer) -> Bool {
        stopped.withLock { stopped in
            guard !stopped else { return false }
            buffer = b
            return true
        }
    }

    /// Forgets the buffer before it is destroyed, so `stop()` never cancels
    /// a freed one.
    func detach() { stopped.withLock { _ in buffer = nil } }

    func stop() {
        stopped.withLock { stopped in
            guard !stopped else { return }
            stopped = true
            buffer?.cancel()
        }
        wake.signal()
    }

    func wait(seconds: Double) {
        _ = wake.wait(timeout: .now() + seconds)
        if isStopped { wake.signal() }  // keep waking later waits too
    }
}
