import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// systemd socket activation (`sd_listen_fds(3)`): with `repcountd.socket`,
/// systemd creates and listens on the socket and passes it as file
/// descriptor 3, announced by `$LISTEN_PID` and `$LISTEN_FDS`.
public enum SocketActivation {
    /// The first passed descriptor, by the protocol's definition.
    static let firstDescriptor: Int32 = 3

    /// The passed listening socket, or `nil` when not socket-activated. The
    /// variables are removed so that child processes do not take them as theirs.
    public static func listeningSocket() -> NIOBSDSocket.Handle? {
        guard let pid = getenv("LISTEN_PID").map({ String(cString: $0) }).flatMap(Int32.init), pid == getpid(),
            let count = getenv("LISTEN_FDS").map({ String(cString: $0) }).flatMap(Int.init), count >= 1
        else { return nil }
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
        return firstDescriptor
    }
}
