import Foundation
import RepCountCore
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import RepCountProgress

struct SVGReportTests {
    /// Element names in document order, or the parser's error: the drawing
    /// must be well-formed XML to open as a standalone `.svg`.
    final class Elements: NSObject, XMLParserDelegate {
        var names: [String] = []
        var rootAttributes: [String: String] = [:]

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if names.isEmpty { rootAttributes = attributes }
            names.append(name)
        }

        static func parse(_ text: String) throws -> Elements {
            let elements = Elements()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = elements
            guard parser.parse() else {
                throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
            }
            return elements
        }
    }

    @Test func drawingIsStandaloneWellFormedWithOneDotPerRep() throws {
        let (report, sessions) = try HTMLReportTests.sixWeeks()
        let svg = SVGReport(HTMLReport(title: "Progress of <A & B>", subtitle: "weeks 1-6", calendar: ProgressAggregatorTests.utc))
            .render(report, sessions: sessions, generatedAt: ProgressAggregatorTests.at("2026-11-23", 9))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let elements = try Elements.parse(svg)
        #expect(elements.names.first == "svg")
        #expect(elements.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        // Its own size, so a viewer shows it at its size, and the charts fit in it.
        let height = try #require(elements.rootAttributes["height"].flatMap(Double.init))
        #expect(elements.rootAttributes["width"].flatMap(Double.init) == SVGPlot.defaultWidth)
        #expect(height > ReportCharts.holdChartHeight + ReportCharts.repsChartHeight)
        #expect(!elements.names.contains("script") && !elements.names.contains("image") && !elements.names.contains("foreignObject"))
        #expect(svg.contains("Progress of &lt;A &amp; B&gt;"))
        // The outer drawing holds the two charts of the one exercise, placed one below the other.
        #expect(elements.names.filter { $0 == "svg" }.count == 3)
        let reps = sessions.reduce(0) { $0 + $1.reps.count }
        #expect(svg.components(separatedBy: "r=\"2.6\"").count - 1 == reps)
        #expect(svg.components(separatedBy: ">5/5 d<").count - 1 == 6)
        for item in ReportCharts.legend { #expect(svg.contains(">\(item.label)</text>")) }
    }

    @Test func chartsStackWithoutOverlapping() throws {
        let (report, sessions) = try HTMLReportTests.sixWeeks()
        let svg = SVGReport(HTMLReport(calendar: ProgressAggregatorTests.utc)).render(report, sessions: sessions, generatedAt: 0)
        // The nested charts' top edges, in order: each starts where the one above ends, or below.
        let tops = svg.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" x=\"0\" y=\"").dropFirst()
            .compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(tops.count == 2)
        #expect(tops[1] - tops[0] >= ReportCharts.holdChartHeight)
    }

    @Test func anEmptyPeriodSaysSo() throws {
        let report = ProgressAggregator(calendar: ProgressAggregatorTests.utc, plan: PracticePlan(daysPerWeek: [:])).report(
            [], from: try CalendarDay(parsing: "2026-10-12"), through: try CalendarDay(parsing: "2026-10-18"))
        let svg = SVGReport(HTMLReport(calendar: ProgressAggregatorTests.utc)).render(report, sessions: [], generatedAt: 0)
        _ = try Elements.parse(svg)
        #expect(svg.contains("No sessions in this period."))
        #expect(svg.components(separatedBy: "<svg").count - 1 == 1)
    }
}
