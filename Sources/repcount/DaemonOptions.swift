import ArgumentParser
import RepCountClient
import RepCountProtocol

/// The options every command that talks to `repcountd` shares.
struct DaemonOptions: ParsableArguments {
    @Option(help: "repcountd's socket (default: $REPCOUNT_SOCKET, $XDG_RUNTIME_DIR/repcount.sock, then /run/repcount/repcount.sock).")
    var socket: String?

    /// The socket to use: the flag, else the user's daemon if its socket
    /// exists, else the system service's.
    var socketPath: String {
        if let socket { return socket }
        let environment = DaemonPaths.Environment.current
        if let explicit = environment.values["REPCOUNT_SOCKET"], !explicit.isEmpty { return explicit }
        let user = DaemonPaths.socket(environment)
        return DaemonPaths.socketExists(user) ? user : DaemonPaths.systemSocket
    }

    /// Connects, runs `body`, closes; connection problems become one clear line
    /// and the exit status docs/cli.md gives them (69 when no daemon answers).
    func withConnection<T: Sendable>(_ body: (DaemonConnection) async throws -> T) async throws -> T {
        try await CommandFailure.exiting {
            do {
                return try await DaemonConnection.withConnection(socketPath: socketPath, body)
            } catch let error as ClientError {
                switch error {
                case .cannotConnect, .closed, .unsupportedProtocol:
                    throw CommandFailure("\(error)", status: ExitStatus.unavailable)
                case .malformedMessage:
                    throw CommandFailure("\(error)", status: ExitStatus.dataError)
                case .refused:
                    throw CommandFailure("\(error)", status: 1)
                }
            }
        }
    }
}
