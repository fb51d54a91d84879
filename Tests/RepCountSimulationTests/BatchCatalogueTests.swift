#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RepCountCore
import Testing
@testable import RepCountSimulation

@Suite struct BatchCatalogueTests {
    let all = BatchCatalogue.recordings

    @Test func coversTheExercisesAndRecommendedPlacements() {
        #expect(all.count >= 30)
        let combos = Set(all.map { "\($0.plan.exercise.rawValue)/\($0.plan.placement.rawValue)" })
        #expect(combos == ["bridge/thigh", "bridge/hip", "wall-sit/thigh", "bird-dog/lower-back", "bird-dog/thigh"])
        #expect(Set(all.map(\.name)).count == all.count)
        #expect(Set(all.map(\.seed)).count == all.count)
        #expect(all.allSatisfy { $0.name.hasPrefix("sim-") })
    }

    @Test func ratesAreOnesTheDevicesOfferWithinFiftyToFourHundredHertz() {
        for s in all {
            #expect(s.device.rates.contains(s.sampleRate), "\(s.name)")
            #expect((50...400).contains(s.sampleRate), "\(s.name)")
        }
        #expect(Set(all.map(\.sampleRate)).count >= 6)
    }

    @Test func everySessionLastsOneToFifteenMinutes() {
        for s in all {
            var r = SimulationRandom(seed: s.seed)
            var sessionRandom = r.fork()
            var builder = SessionBuilder(plan: s.plan, random: &sessionRandom)
            let session = builder.build()
            #expect((60...900).contains(session.duration), "\(s.name): \(session.duration) s")
            let reps = session.labels.sets.map(\.reps.count)
            #expect(reps.count == s.plan.sets, "\(s.name)")
            #expect(reps.allSatisfy { $0 > 0 }, "\(s.name)")
        }
    }

    /// The package root, from this file's path (Tests/RepCountSimulationTests/…).
    var packageRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func committedRecordingRegeneratesBitForBit() throws {
        let spec = try BatchCatalogue.recording(named: "sim-bird-dog-lower-back-02")
        let recording = SimulatedRecording(spec: spec)
        let csv = readFile(packageRoot + "/Recordings/sim-bird-dog-lower-back-02.csv")
        let labels = readFile(packageRoot + "/Recordings/sim-bird-dog-lower-back-02.labels.json")
        // Compared as Booleans so a mismatch prints one line, not two files.
        let sameCSV = csv == recording.csv(), sameLabels = labels == recording.labelsJSON()
        #expect(sameCSV, "Recordings/sim-bird-dog-lower-back-02.csv differs: run `swift run repcount-sim batch --out Recordings`")
        #expect(sameLabels, "Recordings/sim-bird-dog-lower-back-02.labels.json differs: regenerate the batch")
    }

    @Test func unknownNameIsAnError() {
        #expect(throws: SimulationError.unknownRecording(name: "nope")) { try BatchCatalogue.recording(named: "nope") }
    }
}
