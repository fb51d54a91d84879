import ArgumentParser
import Foundation

/// Exit statuses beyond 0/1, from sysexits.h so scripts can tell causes apart
/// (docs/cli.md lists them).
enum ExitStatus {
    /// EX_USAGE: bad arguments (argument-parser's validation errors use it too).
    static let usage: Int32 = 64
    /// EX_DATAERR: the input (database, config) is malformed.
    static let dataError: Int32 = 65
    /// EX_NOINPUT: the history database does not exist.
    static let noInput: Int32 = 66
    /// EX_UNAVAILABLE: the daemon cannot be reached.
    static let unavailable: Int32 = 69
    /// EX_CANTCREAT: the output file cannot be written.
    static let cannotCreate: Int32 = 73
}

/// A failure with its message and exit status (docs/cli.md).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var status: Int32

    init(_ message: String, status: Int32) {
        self.description = message
        self.status = status
    }

    /// Runs `body`; a `CommandFailure` is printed as `repcount: message` on
    /// standard error and becomes its exit status.
    static func exiting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("repcount: \(failure.description)\n".utf8))
            throw ExitCode(failure.status)
        }
    }
}
