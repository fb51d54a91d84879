import Foundation
import RepCountTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sounds the audible cues: the terminal bell, a command, or both off.
struct CuePlayer: Sendable {
    var bell: Bool
    var command: String?

    func play(_ cue: Cue) {
        if let command {
            // Fire and forget: a slow sound player must not hold up the view.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command]
            var env = ProcessInfo.processInfo.environment
            env["REPCOUNT_CUE"] = cue == .holdTargetReached ? "target" : "set"
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try? p.run()
        } else if bell {
            TTY.write(ANSI.bell, to: STDOUT_FILENO)
        }
    }
}
