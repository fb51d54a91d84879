import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The writing end of an emulated device's FIFO: the "sensor" side.
///
/// Opened (inside the namespace) with `O_RDWR`, so opening never waits for
/// a reader and writes block only while the FIFO (64 KiB) is full: the
/// device then runs exactly as fast as its reader, or at a given pace.
/// Writes may come from any thread; the descriptor is the process's.
public final class FIFOWriter: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var fd: Int32

    /// Opens the FIFO at `path` (call inside the namespace).
    public init(path: String) throws {
        self.path = path
        fd = try check(open(path, O_RDWR | O_CLOEXEC), "open(\(path), O_RDWR)")
    }

    deinit { close() }

    /// Writes all of `bytes` (blocking while the FIFO is full); false if closed.
    @discardableResult
    public func write(_ bytes: [UInt8]) throws -> Bool {
        let f = lock.withLock { fd }
        guard f >= 0 else { return false }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(f, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EBADF { return false }
                throw HarnessError.system(call: "write(\(path))", message: String(cString: strerror(errno)))
            }
            done += n
        }
        return true
    }

    /// Closes the writing end: the sensor goes silent.
    public func close() {
        lock.withLock {
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
        }
    }
}
