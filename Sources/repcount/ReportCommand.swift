import ArgumentParser
import Foundation
import RepCountProgress

/// `repcount report`: an HTML page (or an SVG drawing of its plots) for a physical therapist.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML report of the weeks' progress, with plots, for a physical therapist (or the plots as SVG).",
        discussion: """
            One self-contained HTML file (inline CSS and SVG, no script, nothing
            fetched): a summary per exercise, then for each exercise the hold of every
            rep over the weeks against its target with the weekly mean, reps per week
            split by whether the hold met its target with days done of days planned,
            and the weekly table. Opens in any browser and prints on A4.

            With --out FILE.svg, one standalone SVG drawing of the same plots (no
            tables), to put into a document or a letter.

            Examples:
              repcount report --out progress.html
              repcount report --out bridge.html --exercise bridge --weeks 12
              repcount report --out bridge.svg --exercise bridge
              repcount report --out report.html --title "Home exercises" \\
                --subtitle "J. Doe, weeks 1-8"
            """
    )

    @OptionGroup var options: HistoryOptions

    @Option(help: ArgumentHelp("The file to write: SVG if its name ends in .svg, else HTML.", valueName: "file.html|file.svg"))
    var out: String

    @Option(help: ArgumentHelp("Weeks to cover, counting the current one.", valueName: "n"))
    var weeks: Int = 8

    @Option(help: "Title of the page.")
    var title: String = "RepCount progress report"

    @Option(help: "A line under the title, e.g. who the report is about.")
    var subtitle: String?

    func validate() throws {
        try HistoryOptions.validate(weeks: weeks)
        guard !options.json, !options.csv else { throw ValidationError("report writes HTML or SVG; use progress for --json/--csv") }
        try options.validateFormats()
    }

    func run() async throws {
        let loaded: HistoryOptions.Loaded = try await CommandFailure.exiting { try await options.load(defaultDays: weeks * 7, alignToWeeks: true) }
        let now = Date().timeIntervalSince1970
        let page = HTMLReport(title: title, subtitle: subtitle, calendar: loaded.calendar)
        let text =
            writesSVG
            ? SVGReport(page).render(loaded.report, sessions: loaded.sessions, generatedAt: now)
            : page.render(loaded.report, sessions: loaded.sessions, generatedAt: now)
        try await CommandFailure.exiting {
            do {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(out): \(error.localizedDescription)", status: ExitStatus.cannotCreate)
            }
        }
        let reps = loaded.report.weeks.reduce(0) { $0 + $1.reps }
        print("wrote \(out): \(loaded.report.exercises.count) exercises, \(reps) reps, \(loaded.report.from) to \(loaded.report.through)")
    }

    /// SVG for a name ending in `.svg` (any case), HTML for any other.
    var writesSVG: Bool { out.lowercased().hasSuffix(".svg") }
}
