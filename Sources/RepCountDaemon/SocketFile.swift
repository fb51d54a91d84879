#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Getting the socket file ready: a stale file from a crash is removed, a
/// live daemon or a non-socket file is refused.
enum SocketFile {
    static func prepare(path: String) throws(DaemonError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // Nothing there: fine.
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw .socketPathTaken(path: path, reason: "exists and is not a socket")
        }
        if isListening(path: path) {
            throw .socketPathTaken(path: path, reason: "another daemon is listening on it")
        }
        // Nobody listens: left over from a daemon that died. Safe to replace.
        guard unlink(path) == 0 else {
            throw .socketPathTaken(path: path, reason: "stale socket could not be removed: \(String(cString: strerror(errno)))")
        }
    }

    /// Whether a `connect` to `path` succeeds. The corresponding C function is `connect`.
    static func isListening(path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }

    /// The id of group `name`. The corresponding C function is `getgrnam`.
    static func groupID(_ name: String) throws(DaemonError) -> gid_t {
        guard let entry = getgrnam(name) else { throw .unknownGroup(name) }
        return entry.pointee.gr_gid
    }

    /// Mode 0660 and, if given, the group: only the owner and the group may
    /// connect (connecting needs write permission on a Unix socket).
    static func setPermissions(path: String, group: gid_t?) throws(DaemonError) {
        if let group {
            guard chown(path, uid_t.max, group) == 0 else {
                throw .socketPermissions(path: path, call: "chown", reason: String(cString: strerror(errno)))
            }
        }
        guard chmod(path, 0o660) == 0 else {
            throw .socketPermissions(path: path, call: "chmod", reason: String(cString: strerror(errno)))
        }
    }
}
