/// Constants of the daemon's socket protocol (`docs/protocol.md`).
public enum DaemonProtocol {
    /// The protocol version the `hello` announces. Bumped when a message
    /// changes meaning or loses a member; adding members or message types
    /// does not bump it (readers ignore what they do not know).
    public static let version = 1

    /// Longest request line the daemon reads, in bytes, newline excluded.
    /// The largest real request is a few hundred bytes; 64 KiB leaves room
    /// for growth while bounding what one client can make the daemon buffer.
    public static let maximumLineBytes = 64 * 1024
}
