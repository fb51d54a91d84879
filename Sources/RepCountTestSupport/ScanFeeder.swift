import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Streams scans into an emulated device's FIFO on a thread of its own:
/// either as fast as the reader takes them (the FIFO's 64 KiB bound paces
/// the writer) or at a fixed rate against the host's monotonic clock.
public final class ScanFeeder: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var stopRequested = false
    private var written = 0
    private var failure: Error?
    /// Host monotonic time (ns) at which each scan was written, when asked.
    private var writeTimes: [UInt64] = []

    /// Starts writing `count` scans made by `scan(i)` to `writer`.
    /// - Parameters:
    ///   - rate: scans per second, or nil for as fast as they are read.
    ///   - chunk: scans written per `write(2)` when paced.
    ///   - recordTimes: keep each scan's write time (`CLOCK_MONOTONIC`, ns).
    public init(
        writer: FIFOWriter, count: Int, rate: Double? = nil, chunk: Int = 1, recordTimes: Bool = false,
        scan: @escaping @Sendable (Int) -> [UInt8]
    ) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            let start = Self.monotonicNanoseconds()
            var i = 0
            while i < count {
                if lock.withLock({ stopRequested }) { break }
                let n = min(chunk, count - i)
                if let rate {
                    // Write each chunk when its last scan is due, as a sensor's FIFO would fill.
                    let due = start + UInt64(Double(i + n) / rate * 1e9)
                    let now = Self.monotonicNanoseconds()
                    if due > now { Self.sleep(nanoseconds: due - now) }
                }
                var bytes: [UInt8] = []
                for k in i..<(i + n) { bytes += scan(k) }
                do {
                    guard try writer.write(bytes) else { break }
                } catch {
                    lock.withLock { failure = error }
                    break
                }
                let t = Self.monotonicNanoseconds()
                lock.withLock {
                    written = i + n
                    if recordTimes { writeTimes.append(contentsOf: repeatElement(t, count: n)) }
                }
                i += n
            }
        }
        thread.name = "repcount.iio.feeder"
        thread.start()
    }

    /// Scans written so far.
    public var count: Int { lock.withLock { written } }

    /// Write times (ns, `CLOCK_MONOTONIC`) of the scans written so far.
    public var times: [UInt64] { lock.withLock { writeTimes } }

    /// Asks the feeder to stop after the current write.
    public func stop() { lock.withLock { stopRequested = true } }

    /// Waits until all scans are written or the feeder stopped; rethrows a
    /// write failure. False on timeout.
    @discardableResult
    public func wait(timeout: Double) throws -> Bool {
        guard finished.wait(timeout: .now() + timeout) == .success else { return false }
        finished.signal()
        if let failure = lock.withLock({ failure }) { throw failure }
        return true
    }

    /// The host monotonic clock, ns (the clock `LiveSource` users compare with).
    public static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static func sleep(nanoseconds: UInt64) {
        var req = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var rest = timespec()
        while nanosleep(&req, &rest) != 0 && errno == EINTR { req = rest }
    }
}
