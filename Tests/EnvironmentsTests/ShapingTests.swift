import Environments
import Testing

/// Runs the shaping check of `task` on the first `layouts` layouts; returns every problem found.
func shapingProblems<T: ManipulationTask>(_ task: T, seed: UInt64, layouts: Int) -> [String] {
    let checker = ShapingChecker(task: task, seed: seed)
    return (0..<layouts).flatMap { checker.check(layout: $0).problems }
}

@Suite("Reward shaping leads somewhere")
struct ShapingTests {
    @Test("no dead end: from where a reward-following policy stops, a short nudge makes progress past the parked reward", arguments: TaskCatalog.names)
    func noDeadEnd(name: String) throws {
        let task = try TaskCatalog.task(named: name)
        let problems = shapingProblems(task, seed: 4, layouts: 10)
        #expect(problems == [])
    }
}
