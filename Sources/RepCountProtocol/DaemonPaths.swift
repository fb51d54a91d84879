#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the daemon's files are by default, shared by `repcountd` and its
/// clients so that both find the same socket and history without flags.
///
/// As a systemd service the directories come from `RuntimeDirectory=`,
/// `StateDirectory=` and `ConfigurationDirectory=`; for a user they follow
/// the XDG base directory specification.
public enum DaemonPaths {
    /// The variables the defaults depend on.
    public struct Environment: Sendable, Equatable {
        public var values: [String: String]
        public var isRoot: Bool

        public init(values: [String: String], isRoot: Bool) {
            self.values = values
            self.isRoot = isRoot
        }

        /// This process's environment.
        public static var current: Environment {
            var values: [String: String] = [:]
            for key in ["RUNTIME_DIRECTORY", "STATE_DIRECTORY", "CONFIGURATION_DIRECTORY", "XDG_RUNTIME_DIR", "XDG_DATA_HOME",
                        "XDG_CONFIG_HOME", "HOME", "REPCOUNT_SOCKET"] {
                if let v = getenv(key) { values[key] = String(cString: v) }
            }
            return Environment(values: values, isRoot: getuid() == 0)
        }

        /// A variable's value if set and not empty. systemd may pass several
        /// colon-separated directories; the first is ours.
        func directory(_ key: String) -> String? {
            guard let v = values[key], !v.isEmpty else { return nil }
            return String(v.split(separator: ":").first ?? Substring(v))
        }
    }

    /// The system-wide socket (the service's `RuntimeDirectory=repcount`).
    public static let systemSocket = "/run/repcount/repcount.sock"
    /// The system-wide history (the service's `StateDirectory=repcount`).
    public static let systemDatabase = "/var/lib/repcount/history.db"
    /// The system-wide plan file.
    public static let systemConfig = "/etc/repcount/config.json"

    /// `$REPCOUNT_SOCKET`, `$RUNTIME_DIRECTORY/repcount.sock`, then
    /// `$XDG_RUNTIME_DIR/repcount.sock` for a user, else the system socket.
    /// Clients use the same order, and fall back to the system socket.
    public static func socket(_ env: Environment) -> String {
        if let s = env.directory("REPCOUNT_SOCKET") { return s }
        if let d = env.directory("RUNTIME_DIRECTORY") { return "\(d)/repcount.sock" }
        if !env.isRoot, let d = env.directory("XDG_RUNTIME_DIR") { return "\(d)/repcount.sock" }
        return systemSocket
    }

    /// `$STATE_DIRECTORY/history.db`, then the XDG data home for a user, else the system history.
    public static func database(_ env: Environment) -> String {
        if let d = env.directory("STATE_DIRECTORY") { return "\(d)/history.db" }
        if !env.isRoot {
            if let d = env.directory("XDG_DATA_HOME") { return "\(d)/repcount/history.db" }
            if let h = env.directory("HOME") { return "\(h)/.local/share/repcount/history.db" }
        }
        return systemDatabase
    }

    /// The plan file candidates in order: `$CONFIGURATION_DIRECTORY/config.json`,
    /// the XDG config home, then `/etc/repcount/config.json`.
    public static func configCandidates(_ env: Environment) -> [String] {
        var list: [String] = []
        if let d = env.directory("CONFIGURATION_DIRECTORY") { list.append("\(d)/config.json") }
        if let d = env.directory("XDG_CONFIG_HOME") {
            list.append("\(d)/repcount/config.json")
        } else if let h = env.directory("HOME") {
            list.append("\(h)/.config/repcount/config.json")
        }
        list.append(systemConfig)
        return list
    }

    /// The first plan file that exists, or `nil` (then the built-in plan applies).
    public static func existingConfig(_ env: Environment) -> String? {
        configCandidates(env).first { access($0, F_OK) == 0 }
    }
}

extension DaemonPaths {
    /// Whether a socket file exists at `path`.
    public static func socketExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK
    }
}
