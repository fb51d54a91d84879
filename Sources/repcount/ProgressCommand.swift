import ArgumentParser
import Foundation
import RepCountCore
import RepCountClient
import RepCountProgress
import RepCountProtocol
import RepCountStore

/// `repcount progress`: the weeks at a glance.
struct Progress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show progress week by week: reps, holds against target, days done of days planned.",
        discussion: """
            For each exercise and each ISO week (Monday to Sunday): sessions, sets, reps,
            the share of holds that met their target, the mean and best hold against the
            target, and adherence to the plan (days with reps of days planned), with a
            bar of reps per week and sparklines of the trends.

            The plan is read from the config file's "plan" (each step may carry
            "days_per_week", default 7), or given with --plan; without either, every
            exercise is planned daily. Days before the first kept session are not
            counted as planned.

            Examples:
              repcount progress                       the last 8 weeks
              repcount progress --weeks 12 --exercise bridge
              repcount progress --plan bridge=7,wall-sit=3
              repcount progress --csv > weeks.csv     one row per exercise and week
              repcount progress --json                days and weeks, for scripts
            """
    )

    @OptionGroup var options: HistoryOptions

    @Option(help: ArgumentHelp("Weeks to show, counting the current one.", valueName: "n"))
    var weeks: Int = 8

    func validate() throws {
        try HistoryOptions.validate(weeks: weeks)
        try options.validateFormats()
    }

    func run() async throws {
        let loaded: HistoryOptions.Loaded = try await CommandFailure.exiting { try await options.load(defaultDays: weeks * 7, alignToWeeks: true) }
        switch options.format {
        case .json: print(try ProgressExport.json(loaded.report))
        case .csv: FileHandle.standardOutput.write(Data(ProgressExport.csv(loaded.report.weeks).utf8))
        case .text: print(ProgressTextRenderer().render(loaded.report, kind: .week))
        }
    }
}
