import Testing
@testable import RepCountCore

@Suite struct SimilarRunTests {
    /// What `note` returns for each of `values` in turn.
    private func notes(_ values: [Double], into run: inout SimilarRun) -> [[Double]?] {
        values.map { run.note($0) }
    }

    @Test func theThirdSimilarValueInARowReturnsTheRun() {
        var run = SimilarRun()
        #expect(notes([2.0, 2.5, 3.0], into: &run) == [nil, nil, [2.0, 2.5, 3.0]])
        #expect(notes([3.0], into: &run) == [nil], "starts afresh after a run")
    }

    @Test func aDissimilarValueStartsANewRun() {
        var run = SimilarRun()
        // 4.0 is more than `spread` times 2.0: it begins a run of its own.
        #expect(notes([2.0, 2.2, 4.0, 3.0, 3.5], into: &run) == [nil, nil, nil, nil, [4.0, 3.0, 3.5]])
    }

    @Test func resetBreaksTheRun() {
        var run = SimilarRun()
        _ = notes([2.0, 2.0], into: &run)
        run.reset()
        #expect(notes([2.0, 2.0, 2.0], into: &run) == [nil, nil, [2.0, 2.0, 2.0]])
    }
}
