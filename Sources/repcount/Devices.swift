import ArgumentParser
import Foundation
import RepCountIIO

/// `repcount devices`: the IIO contexts, devices and accelerometers visible.
struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List IIO devices and accelerometers (rates, scales, formats).",
        discussion: """
            Without --uri, scans the local and USB backends (not the network: pass
            --uri ip:HOST to look at an iiod).
            """)

    @Option(help: "A libiio context URI: local:, ip:HOST[:PORT], usb:[BUS.ADDR.INTF].")
    var uri: String?

    @Flag(help: "One JSON document on stdout.")
    var json = false

    func run() throws {
        var listings: [ContextListing] = []
        var problems: [String] = []
        let uris: [String]
        if let uri {
            uris = [uri]
        } else {
            var found: [String] = []
            for backend in ["local", "usb"] {
                do {
                    found += try IIOScan.contexts(backend: backend).map(\.uri)
                } catch {
                    problems.append("scan \(backend): \(error)")
                }
            }
            uris = found
        }
        for uri in uris {
            do {
                listings.append(try ContextListing(uri: uri))
            } catch {
                if self.uri != nil { throw error }
                problems.append("\(error)")
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(listings)
            print(String(decoding: data, as: UTF8.self))
        } else {
            if listings.isEmpty { print("No IIO contexts found.") }
            for listing in listings { print(Self.text(listing), terminator: "") }
        }
        for p in problems { FileHandle.standardError.write(Data("repcount devices: \(p)\n".utf8)) }
    }

    /// The human-readable listing of one context.
    static func text(_ c: ContextListing) -> String {
        var out = "\(c.uri) (\(c.backend)): \(c.devices.count) device\(c.devices.count == 1 ? "" : "s")\n"
        for d in c.devices {
            let label = d.label.map { " [\($0)]" } ?? ""
            out += "  \(d.id): \(d.name ?? "(no name)")\(label)"
            guard let a = d.accelerometer else {
                out += " channels: \(d.channels.joined(separator: " "))\n"
                continue
            }
            out += " accelerometer\n"
            let rate = a.samplingFrequencyHz.map { "\($0) Hz" } ?? "unknown"
            let available = a.availableFrequenciesHz.isEmpty ? "" : " (available: \(a.availableFrequenciesHz.map { "\($0)" }.joined(separator: " ")))"
            out += "    rate: \(rate)\(available); timestamp channel: \(a.timestamp ? "yes" : "no")\n"
            for axis in a.axes {
                out += "    \(axis.channel): \(axis.format) scale \(axis.scale) m/s^2 offset \(axis.offset)\n"
            }
            if let problem = a.problem { out += "    problem: \(problem)\n" }
        }
        return out
    }
}
