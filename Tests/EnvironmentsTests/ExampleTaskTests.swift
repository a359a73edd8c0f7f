import Environments
import Testing

/// The example of README.md's "Adding a task": touch the puck with the fingertips. It lives in the
/// tests so the walk-through keeps compiling, and the same conformance checks as the real tasks run on it.
struct TouchPuck: ManipulationTask {
    var name: String { "touch-puck" }
    var summary: String { "Bring the fingertips down onto a puck lying on the table." }
    var successCriterion: String { "distance from TCP to puck <= 0.03" }

    /// The puck anywhere in a 20 x 10 cm patch; the goal is the puck itself.
    var resetRanges: ResetRanges {
        let patch = PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02))
        return ResetRanges(object: patch, goal: patch)
    }

    /// The goal follows from the object, so the layout derives it instead of sampling it.
    func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let puck = resetRanges.object.sample(using: &generator)
        return Layout(object: puck, goal: puck)
    }

    func makeScene(layout: Layout) -> Scene {
        var scene = Scene()
        scene.first = .puck(at: layout.object)
        scene.goal = layout.goal
        scene.margins[0] = (scene.tcp - layout.object).norm
        return scene
    }

    func evaluate(_ scene: Scene) -> Evaluation {
        let distance = (scene.tcp - scene.first.position).norm
        let success = distance <= 0.03
        let shaped = 10 * Reward.tolerance(distance, upper: 0.03, margin: scene.margins[0])
        return Evaluation(reward: success ? 10 : min(shaped, 10), success: success)
    }

    func expertAction(for observation: Observation) -> Action {
        let target = observation.firstPosition + Vector3(0, 0, 0.015)
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: observation.tcp, to: target, clearance: 0.05), grip: -1)
    }
}

@Suite("The README's example task")
struct ExampleTaskTests {
    @Test("its expert succeeds and a random policy rarely does")
    func conforms() {
        var problems: [String] = []
        #expect(expertSuccesses(TouchPuck(), seed: 1, problems: &problems) >= 45)
        #expect(randomSuccesses(TouchPuck(), seed: 2, problems: &problems) <= 15)
        #expect(problems.prefix(5) == [])
        #expect(layoutProblems(TouchPuck(), seed: 3).isEmpty)
        #expect(determinismHolds(TouchPuck(), seed: 4))
        #expect(restsWhenIdle(TouchPuck(), seed: 5))
    }

    @Test("a suite of user tasks steps like a built-in one")
    func customSuite() {
        let suite = Suite(name: "mine", tasks: [TouchPuck(), Reach()], seed: 7)
        var batch = suite.makeBatch()
        suite.reset(into: &batch)
        suite.step(actions: [Float](repeating: 0, count: 8), into: &batch)
        #expect(suite.observationSize == 39 + 2)
        #expect(batch.observations[39] == 1 && batch.observations[41 + 40] == 1)
    }
}
