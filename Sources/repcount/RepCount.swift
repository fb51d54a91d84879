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
            Devices.self,
            Record.self,
            Status.self, Start.self, Stop.self, Next.self, Watch.self, History.self, Progress.self, Report.self,
        ]
    )
}
