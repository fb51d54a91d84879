import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension IIONamespace {
    /// Starts `argv` (looked up in PATH) inside the namespace, with this
    /// process's environment; stdout and stderr go to the given files, or
    /// stay this process's when nil.
    public func spawn(_ argv: [String], stdout: String? = nil, stderr: String? = nil) throws -> pid_t {
        try perform {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            if let stdout { posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            var args: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            defer { for a in args { free(a) } }
            var child: pid_t = 0
            let ret = posix_spawnp(&child, argv[0], &actions, nil, &args, environ)
            if ret != 0 { throw HarnessError.system(call: "posix_spawnp(\(argv[0]))", message: String(cString: strerror(ret))) }
            return child
        }
    }

    /// Waits for a spawned process: its exit status (128 + signal if killed)
    /// and resource usage (`wait4`).
    public static func wait(_ pid: pid_t) -> (status: Int32, usage: rusage) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exited, usage)
    }
}
