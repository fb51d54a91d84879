#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with one condition variable (pthreads), the subset of Foundation's
/// `NSCondition` that `RepCountRecording.PrefetchingRecordingReader` uses: `lock`, `unlock`,
/// `wait` (with the lock held, may wake spuriously: wait in a loop) and
/// `broadcast`.
///
/// Not Foundation: linking it into `repcountd` would load Foundation and its
/// ICU data, the largest part of the daemon's idle memory. The pthread
/// objects live on the heap because they must not move once initialised.
public final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Takes the lock, waiting while another thread holds it.
    public func lock() { pthread_mutex_lock(mutex) }

    /// Releases the lock taken by `lock()` on this thread.
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Releases the lock while waiting for `broadcast()`, and holds it again on return.
    public func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes every thread in `wait()`.
    public func broadcast() { pthread_cond_broadcast(condition) }
}
