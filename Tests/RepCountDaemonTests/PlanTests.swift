import RepCountCore
import Testing

@testable import RepCountDaemon

@Suite struct PlanTests {
    @Test func parsesStepsAndFillsDefaults() throws {
        let plan = try Plan.parse(
            """
            { "plan": [
                { "exercise": "bridge", "sets": 3, "reps": 10, "hold_s": 6 },
                { "exercise": "bird-dog", "reps": 10 },
                { "exercise": "wall-sit", "hold_s": 10, "placement": "thigh" } ] }
            """, file: "p.json")
        #expect(plan.steps.map(\.exercise) == [.bridge, .birdDog, .wallSit])
        #expect(plan.steps[0].targets == Targets(holdSeconds: 6, reps: 10, sets: 3))
        #expect(plan.steps[1].targets.holdSeconds == Exercise.birdDog.defaultTargets.holdSeconds)
        #expect(plan.steps[1].placement == .lowerBack)
        #expect(plan.steps[2].targets.reps == Exercise.wallSit.defaultTargets.reps)
    }

    @Test(arguments: [
        ("[]", "expected an object"),
        ("{\"plan\":[]}", "no step"),
        ("{\"plan\":[{\"exercise\":\"yoga\"}]}", "plan[0]: unknown exercise \"yoga\""),
        ("{\"plan\":[{\"exercise\":\"bridge\",\"reps\":0}]}", "plan[0]: \"reps\" must be"),
        ("{\"plan\":[{\"exercise\":\"bridge\"},{\"exercise\":\"bridge\",\"hold_s\":-1}]}", "plan[1]: \"hold_s\""),
        ("{\"plan\":[{\"exercise\":\"bridge\",\"placement\":\"knee\"}]}", "\"placement\" must be"),
        ("{plan}", "not JSON"),
    ])
    func refusesBadPlansNamingTheFileAndStep(text: String, message: String) {
        do {
            _ = try Plan.parse(text, file: "/etc/repcount/config.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("/etc/repcount/config.json: "))
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func missingFileNamesItAndTheReason() {
        #expect(throws: ConfigurationError.unreadable(file: "/nonexistent/config.json", reason: "No such file or directory")) {
            _ = try Plan.load(path: "/nonexistent/config.json")
        }
    }

    @Test func standardPlanFollowsThePrescriptions() {
        #expect(Plan.standard.steps.map(\.exercise) == [.bridge, .birdDog, .wallSit])
        #expect(Plan.standard.steps.map(\.targets) == Exercise.allCases.map(\.defaultTargets))
    }
}
