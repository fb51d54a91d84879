import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private mount and network namespace in which an emulated IIO device
/// lives, owned by one dedicated thread of this process.
///
/// Why a thread: mount and network namespaces belong to a thread (task), not
/// to a process, and `unshare(CLONE_NEWNS | CLONE_NEWNET)` is allowed in a
/// multi-threaded process for the calling thread alone. So the test process
/// stays where it is, while this thread, every thread it starts
/// (`startThread`) and every process it spawns (`spawn`: `iiod`) see:
/// - a tmpfs over `/sys/bus` holding `/sys/bus/iio/devices` (the host has no
///   IIO bus; `/sys/class/hwmon`, also scanned by libiio, gets an empty tmpfs
///   when present), and a tmpfs over `/dev` with the host's `null`, `zero`,
///   `full`, `random`, `urandom`, `tty` bound in, where the device FIFOs go;
/// - a network namespace with only loopback up, so `iiod` (which binds every
///   address) is reachable on 127.0.0.1 from here and from nowhere else.
/// All mounts are private: nothing propagates to the host, and everything
/// vanishes when the thread and its children end.
///
/// Work is run on the namespace thread with `perform`. Requires root (CI
/// runs as root); `unavailableReason` says why it cannot be used otherwise.
public final class IIONamespace: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private let wake = DispatchSemaphore(value: 0)
    private var jobs: [() -> Void] = []
    private var finished = false
    private let hostDevices = "/sys/bus/.host-dev"

    /// Nil when namespaces can be made here, else why not (for `.enabled(if:)`).
    public static let unavailableReason: String? = {
        if geteuid() != 0 { return "not root: the emulated IIO device needs unshare(CLONE_NEWNS) and mounts" }
        let reason = Box<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let probe = Thread {
            if IIONamespace.unshare(IIONamespace.newNamespaces) != 0 {
                reason.value = "unshare(CLONE_NEWNS|CLONE_NEWNET): \(String(cString: strerror(errno)))"
            }
            done.signal()
        }
        probe.start()
        done.wait()
        return reason.value
    }()

    /// `CLONE_NEWNS | CLONE_NEWNET` from <linux/sched.h>: a new mount and a
    /// new network namespace.
    static let newNamespaces: Int32 = 0x0002_0000 | 0x4000_0000

    /// glibc's `unshare(2)`. Swift's Glibc module leaves it out (it is
    /// declared only under _GNU_SOURCE), so it is looked up by name once.
    static let unshare: @convention(c) (Int32) -> Int32 = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "unshare") else {
            fatalError("glibc without unshare(2)")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Creates the namespace and its thread, and mounts the empty trees.
    public init() throws {
        let setupError = Box<Error?>(nil)
        let thread = Thread { [self] in
            do {
                try setUp()
            } catch {
                setupError.value = error
                ready.signal()
                return
            }
            ready.signal()
            loop()
        }
        thread.name = "repcount.iio.namespace"
        thread.start()
        ready.wait()
        if let error = setupError.value { throw error }
    }

    deinit { close() }

    /// Ends the namespace thread. Threads and processes started in the
    /// namespace keep it alive until they end.
    public func close() {
        lock.withLock {
            finished = true
            jobs.append {}
        }
        wake.signal()
    }

    /// Runs `body` on the namespace thread and returns its result.
    public func perform<T>(_ body: @escaping () throws -> T) throws -> T {
        let result = Box<Result<T, Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        lock.withLock {
            jobs.append {
                result.value = Result { try body() }
                done.signal()
            }
        }
        wake.signal()
        done.wait()
        return try result.value!.get()
    }

    /// Starts a thread inside the namespace running `body`.
    public func startThread(name: String, _ body: @escaping @Sendable () -> Void) throws {
        try perform {
            let t = Thread(block: body)
            t.name = name
            t.start()
        }
    }

    private func loop() {
        while true {
            wake.wait()
            let (batch, done): ([() -> Void], Bool) = lock.withLock {
                defer { jobs.removeAll() }
                return (jobs, finished)
            }
            for job in batch { job() }
            if done { return }
        }
    }

    private func setUp() throws {
        try check(Self.unshare(Self.newNamespaces), "unshare(CLONE_NEWNS|CLONE_NEWNET)")
        // Make every mount private so nothing below reaches the host.
        try check(mount("none", "/", nil, UInt(MS_REC | MS_PRIVATE), nil), "mount(/, MS_REC|MS_PRIVATE)")
        try check(mount("tmpfs", "/sys/bus", "tmpfs", 0, "mode=0755"), "mount(tmpfs, /sys/bus)")
        try Self.makeDirectory("/sys/bus/iio/devices")
        if access("/sys/class/hwmon", F_OK) == 0 {
            try check(mount("tmpfs", "/sys/class/hwmon", "tmpfs", 0, "mode=0755"), "mount(tmpfs, /sys/class/hwmon)")
        }
        try Self.makeDirectory(hostDevices)
        try check(mount("/dev", hostDevices, nil, UInt(MS_BIND | MS_REC), nil), "mount(--rbind /dev)")
        try check(mount("tmpfs", "/dev", "tmpfs", 0, "mode=0755"), "mount(tmpfs, /dev)")
        for node in ["null", "zero", "full", "random", "urandom", "tty"] where access("\(hostDevices)/\(node)", F_OK) == 0 {
            let fd = open("/dev/\(node)", O_CREAT | O_WRONLY, 0o666)
            if fd >= 0 { Glibc.close(fd) }
            try check(mount("\(hostDevices)/\(node)", "/dev/\(node)", nil, UInt(MS_BIND), nil), "mount(--bind /dev/\(node))")
        }
        symlink("/proc/self/fd", "/dev/fd")
        try bringUpLoopback()
    }

    private func bringUpLoopback() throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        try check(fd, "socket(AF_INET)")
        defer { Glibc.close(fd) }
        var ifr = ifreq()
        withUnsafeMutableBytes(of: &ifr.ifr_ifrn.ifrn_name) { p in
            for (i, b) in "lo".utf8.enumerated() { p[i] = b }
        }
        try check(ioctl(fd, UInt(SIOCGIFFLAGS), &ifr), "ioctl(lo, SIOCGIFFLAGS)")
        ifr.ifr_ifru.ifru_flags |= Int16(IFF_UP | IFF_RUNNING)
        try check(ioctl(fd, UInt(SIOCSIFFLAGS), &ifr), "ioctl(lo, SIOCSIFFLAGS)")
    }

    /// `mkdir -p` (inside the namespace when called through `perform`).
    public static func makeDirectory(_ path: String) throws {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/\(part)"
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw HarnessError.system(call: "mkdir(\(built))", message: String(cString: strerror(errno)))
            }
        }
    }
}

/// Why the emulation harness failed: the system call and its errno text.
public enum HarnessError: Error, CustomStringConvertible {
    case system(call: String, message: String)
    case timeout(String)

    public var description: String {
        switch self {
        case let .system(call, message): "\(call): \(message)"
        case let .timeout(what): "timed out: \(what)"
        }
    }
}

@discardableResult
func check(_ ret: Int32, _ call: @autoclosure () -> String) throws -> Int32 {
    if ret < 0 { throw HarnessError.system(call: call(), message: String(cString: strerror(errno))) }
    return ret
}

/// A mutable cell handed between threads that are ordered by a semaphore.
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
