/// `sweep-into`: sweep a puck into a hole marked on the table (Meta-World `sweep-into-v3`).
///
/// Success is measured in the horizontal plane. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-puck
/// distance and the puck-goal horizontal distance, 10 once the puck is within 5 cm of the goal.
public struct SweepInto: ManipulationTask {
    /// Success radius around the goal in the horizontal plane, metres.
    public static let goalRadius = 0.05

    /// The task with Meta-World's ranges.
    public init() {}

    /// `sweep-into`.
    public var name: String { "sweep-into" }
    /// What the task asks.
    public var summary: String { "Sweep a puck across the table into a hole." }
    /// Meta-World's criterion.
    public var successCriterion: String { "horizontal distance from puck to goal <= 0.05" }
    /// Puck at x in [-0.1, 0.1], y in [0.6, 0.7]; hole at x in [-0.001, 0.001], y 0.84.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.001, 0.84, 0.015), upper: Vector3(0.001, 0.84, 0.015)))
    }

    /// Puck, goal and the hole drawn around the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        return LooseObject.scene(body: .puck(at: layout.object), goal: g,
                                 boxes: [SceneBox(lower: Vector3(g.x - 0.04, g.y - 0.04, 0), upper: Vector3(g.x + 0.04, g.y + 0.04, 0.001), role: .region)])
    }

    /// Reward and success from the horizontal puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: scene.first.position.horizontalDistance(to: scene.goal), goalRadius: Self.goalRadius)
    }

    /// Get low behind the puck and push it into the hole.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: 0.02 + Tabletop.fingerRadius)
    }
}
