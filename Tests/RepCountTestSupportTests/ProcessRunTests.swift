import Foundation
import RepCountTestSupport
import Testing

/// `ProcessRun` on real programs through `/bin/sh`.
@Suite struct ProcessRunTests {
    /// Runs a shell script.
    private func shell(
        _ script: String, environment: [String: String]? = nil, directory: URL? = nil,
        errorOutput: ProcessRun.ErrorOutput = .separate
    ) throws -> ProcessRun {
        try ProcessRun("/bin/sh", ["-c", script], environment: environment, directory: directory, errorOutput: errorOutput)
    }

    @Test func keepsTheStatusAndBothOutputsApart() throws {
        let run = try shell("echo out; echo err >&2; exit 3")
        #expect(run.status == 3)
        #expect(run.stdout == "out\n")
        #expect(run.stderr == "err\n")
    }

    @Test func mergedErrorGoesIntoStdoutInOrder() throws {
        let run = try shell("echo one; echo two >&2; echo three", errorOutput: .mergedIntoOutput)
        #expect(run.stdout == "one\ntwo\nthree\n")
        #expect(run.stderr.isEmpty)
    }

    /// More than a pipe holds (64 KiB on Linux) on stderr before anything on
    /// stdout: reading stdout to its end first, without draining stderr,
    /// would leave both processes waiting for ever.
    @Test func aChildFillingStandardErrorDoesNotBlock() throws {
        let bytes = 1 << 20
        let run = try shell("head -c \(bytes) /dev/zero | tr '\\0' e >&2; echo done")
        #expect(run.status == 0)
        #expect(run.stdout == "done\n")
        #expect(run.stderr.utf8.count == bytes)
    }

    @Test func passesTheEnvironmentAndDirectory() throws {
        let dir = try TemporaryDirectory()
        let run = try shell(
            #"printf '%s|%s|%s' "$REPCOUNT_TEST" "${HOME-unset}" "$(pwd -P)""#, environment: ["REPCOUNT_TEST": "yes"],
            directory: URL(fileURLWithPath: dir.path))
        let realDirectory = URL(fileURLWithPath: dir.path).resolvingSymlinksInPath().path
        #expect(run.stdout == "yes|unset|\(realDirectory)")
    }

    @Test func aMissingExecutableThrows() {
        #expect(throws: (any Error).self) { try ProcessRun("/nonexistent/program", []) }
    }
}
