#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a detached POSIX thread for work that blocks (libiio refills,
/// parsing a recording ahead of the pipeline), so that it never occupies a
/// thread of Swift's cooperative pool.
///
/// pthreads rather than Foundation's `Thread`: Foundation (with its ICU data)
/// would be the largest part of `repcountd`'s idle memory.
public enum DetachedThread {
    /// Linux keeps 15 bytes of a thread's name (`comm`) and cuts the rest.
    public static let maximumNameBytes = 15

    /// Runs `body` on a new detached thread named `name` (cut to
    /// `maximumNameBytes`; `top -H` and `/proc/PID/task/*/comm` show it).
    /// A failing `pthread_create` (out of threads or memory) is fatal: the
    /// callers have no way to work without their thread.
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Context(name: name, body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { raw in
            let context = Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue()
            context.nameCurrentThread()
            context.body()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Context>.fromOpaque(context).release()
            fatalError("pthread_create for \(name): \(String(cString: strerror(result)))")
        }
    }

    /// What the new thread needs, handed over as one retained reference.
    private final class Context {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = String(decoding: name.utf8.prefix(DetachedThread.maximumNameBytes), as: UTF8.self)
            self.body = body
        }

        /// Names the calling thread through `/proc/thread-self/comm`:
        /// `pthread_setname_np` is not visible to Swift without `_GNU_SOURCE`.
        /// A failure only leaves the inherited name, so it is ignored.
        func nameCurrentThread() {
            #if os(Linux)
            let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { return }
            defer { close(fd) }
            _ = name.withCString { write(fd, $0, strlen($0)) }
            #endif
        }
    }
}
