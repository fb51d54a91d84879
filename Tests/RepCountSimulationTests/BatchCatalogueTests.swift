import Foundation
import RepCountCore
import RepCountTestSupport
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

    @Test func committedRecordingRegeneratesBitForBit() throws {
        let name = "sim-bird-dog-lower-back-02"
        let dir = try TemporaryDirectory()
        try SimulatedRecording(spec: try BatchCatalogue.recording(named: name)).write(toDirectory: dir.path)
        for file in [name + ".csv", name + ".labels.json"] {
            let committed = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Recordings/" + file))
            let regenerated = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + file))
            // Compared as a Boolean so a mismatch prints one line, not two files.
            let same = committed == regenerated
            #expect(same, "Recordings/\(file) differs from the generator's output: run `swift run repcount-sim batch --out Recordings`")
        }
    }

    @Test func unknownNameIsAnError() {
        #expect(throws: SimulationError.unknownRecording(name: "nope")) { try BatchCatalogue.recording(named: "nope") }
    }
}
