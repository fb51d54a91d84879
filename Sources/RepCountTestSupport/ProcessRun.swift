import Foundation

/// A program run to completion as a subprocess: its exit status and what it
/// wrote, so tests check the built executables as a user would see them.
public struct ProcessRun: Sendable, Equatable {
    /// Where the child's standard error goes.
    public enum ErrorOutput: Sendable {
        /// Into `stderr`, apart from standard output.
        case separate
        /// Into `stdout`, interleaved as the child wrote it (`2>&1`).
        case mergedIntoOutput
    }

    /// The exit status, or the signal number if the child was killed
    /// (`Process.terminationStatus`).
    public var status: Int32
    public var stdout: String
    /// Empty with `.mergedIntoOutput`.
    public var stderr: String

    /// Runs `executable` with `arguments` and waits for it to exit.
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` passes this process's on.
    ///   - directory: the child's working directory; `nil` keeps this process's.
    ///
    /// Both pipes are drained while the child runs (standard error on a
    /// second thread), so a child that writes more than a pipe holds to
    /// either of them cannot block on a full pipe.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil,
        errorOutput: ErrorOutput = .separate
    ) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        process.standardOutput = out
        let err: Pipe?
        switch errorOutput {
        case .separate:
            err = Pipe()
            process.standardError = err
        case .mergedIntoOutput:
            err = nil
            process.standardError = out
        }
        try process.run()
        let errorText = ErrorText()
        let drained = DispatchGroup()
        if let err {
            DispatchQueue.global().async(group: drained) {
                errorText.data = err.fileHandleForReading.readDataToEndOfFile()
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errorText.data, as: UTF8.self)
    }

    /// Runs `executable` with `arguments` and waits for it to exit (see `init(_:_:environment:directory:errorOutput:)`).
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil,
        errorOutput: ErrorOutput = .separate
    ) throws {
        try self.init(
            URL(fileURLWithPath: executable), arguments, environment: environment, directory: directory, errorOutput: errorOutput)
    }

    /// Standard error as read on the draining thread; read back only after
    /// `DispatchGroup.wait()`, which orders the two accesses.
    private final class ErrorText: @unchecked Sendable {
        var data = Data()
    }
}
