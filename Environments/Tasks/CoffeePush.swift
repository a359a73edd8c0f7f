/// `coffee-push`: push a mug across the table under a coffee machine's spout (Meta-World `coffee-push-v3`).
///
/// The machine's body behind the goal is solid. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-mug
/// and mug-goal distances, 10 once the mug is within 7 cm of the goal.
public struct CoffeePush: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// The mug's radius.
    public static let mugRadius = 0.03
    /// Half the mug's height (its centre's height).
    public static let mugHalfHeight = 0.03

    /// The task with Meta-World's ranges.
    public init() {}

    /// `coffee-push`.
    public var name: String { "coffee-push" }
    /// What the task asks.
    public var summary: String { "Push a mug across the table to the spot under a coffee machine's spout." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from mug to goal <= 0.07" }
    /// Mug at x in [-0.1, 0.1], y in [0.55, 0.65]; goal at x in [-0.05, 0.05], y in [0.75, 0.8].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.55, Self.mugHalfHeight), upper: Vector3(0.1, 0.65, Self.mugHalfHeight)),
                    goal: PositionRange(lower: Vector3(-0.05, 0.75, Self.mugHalfHeight), upper: Vector3(0.05, 0.8, Self.mugHalfHeight)))
    }

    /// Mug, goal and the machine body behind the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let machine = SceneBox(lower: Vector3(g.x - 0.1, g.y + 0.07, 0), upper: Vector3(g.x + 0.1, g.y + 0.25, 0.35))
        let mug = LooseObject.cylinder(at: layout.object, radius: Self.mugRadius, halfHeight: Self.mugHalfHeight)
        return LooseObject.scene(body: mug, goal: g, boxes: [machine])
    }

    /// Reward and success from the mug-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low behind the mug and push it under the spout.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: Self.mugRadius + Tabletop.fingerRadius)
    }
}
