import ArgumentParser
import Dispatch
import Foundation
import RepCountCore
import RepCountTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `repcount watch`: the live view used from the exercise mat.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the session in progress, live: reps, hold timer, rest, sensor.",
        discussion: """
            On a terminal, draws a full-screen view readable from the mat: the exercise
            and side, the rep count of the set in large digits, a hold bar that fills
            toward the target and turns green when it is reached, the countdown of the
            rest between sets, the last reps' holds and the sensor's state. The view
            follows the terminal's size. A bell (or the configured cue command) sounds
            when a hold reaches its target and when a set ends.

            When standard output is not a terminal, or with --plain, prints one line per
            event instead. --json passes the daemon's events through unchanged (JSON
            Lines, see docs/protocol.md).

            If the daemon is not running or restarts, watch says so and reconnects by
            itself (after 0.5 s, then doubling up to 5 s). Press q or Ctrl-C to quit.

            Cue command: set "cue_command" in the config file (default
            ~/.config/repcount/config.json, then /etc/repcount/config.json), e.g.
              {"cue_command": "paplay /usr/share/sounds/freedesktop/stereo/complete.oga"}
            It runs through /bin/sh with REPCOUNT_CUE=target or REPCOUNT_CUE=set.

            Examples:
              repcount watch                      full screen on this terminal
              repcount watch --plain              one line per event
              repcount watch --json | jq .        raw events
              repcount watch --no-cue             silent
              NO_COLOR=1 repcount watch           no colours
            """
    )

    @OptionGroup var daemon: DaemonOptions

    @Flag(help: "One line per event instead of the full-screen view.")
    var plain = false

    @Flag(help: "Print the daemon's events as received (JSON Lines).")
    var json = false

    @Flag(help: "No bell and no cue command.")
    var noCue = false

    @Option(help: ArgumentHelp("Shell command run as the audible cue instead of the bell.", valueName: "command"))
    var cueCommand: String?

    @Option(help: ArgumentHelp("Rest between sets counted down on screen, seconds.", valueName: "seconds"))
    var rest: Double = LiveViewModel.prescribedRestSeconds

    @Option(help: ArgumentHelp("Config file to read cue_command from.", valueName: "path"))
    var config: String?

    @Flag(help: "Exit (status 69) instead of retrying when the daemon cannot be reached.")
    var noReconnect = false

    func validate() throws {
        if plain && json { throw ValidationError("--plain and --json exclude each other") }
        if !(rest >= 0 && rest <= 3600) { throw ValidationError("--rest must be from 0 to 3600 seconds") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path = daemon.socketPath
        let isTerminal = TTY.isTerminal(STDOUT_FILENO)
        let mode: WatchSession.Mode = json ? .json : (plain || !isTerminal ? .plain : .fullScreen)
        let settings = try ClientConfig.load(explicitPath: config, environment: environment)
        let cue = CuePlayer(
            bell: !noCue && isTerminal && mode != .json,
            command: noCue ? nil : (cueCommand ?? settings.cueCommand))
        var session = WatchSession(
            endpoint: path, mode: mode, colors: TTY.wantsColor(environment: environment, isTerminal: isTerminal),
            restSeconds: rest, cue: cue, reconnect: !noReconnect)
        let code = await session.run()
        if code != 0 { throw ExitCode(code) }
    }
}
