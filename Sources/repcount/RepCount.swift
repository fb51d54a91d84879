import ArgumentParser

@main
struct RepCount: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repcount",
        abstract: "Count reps and time holds of back-rehabilitation exercises.",
        discussion: """
            Replays and evaluates recorded sessions, reads live accelerometers through
            libiio, and talks to the repcountd daemon.
            """,
        subcommands: [
            Replay.self,
            Eval.self,
            Watch.self,
        ]
    )
}
