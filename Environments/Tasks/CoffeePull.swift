/// `coffee-pull`: pull a mug out from under a coffee machine's spout toward the robot (Meta-World
/// `coffee-pull-v3`).
///
/// The machine's body behind the mug is solid, with room for the fingers between it and the mug. Reward:
/// `2 reach + 6 H(reach, inPlace)` on the TCP-mug and mug-goal distances, 10 once the mug is within 7 cm
/// of the goal.
public struct CoffeePull: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// The mug's radius.
    public static let mugRadius = 0.03
    /// Half the mug's height (its centre's height).
    public static let mugHalfHeight = 0.03

    /// The task with Meta-World's ranges.
    public init() {}

    /// `coffee-pull`.
    public var name: String { "coffee-pull" }
    /// What the task asks.
    public var summary: String { "Pull a mug from under a coffee machine's spout back to a goal near the robot." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from mug to goal <= 0.07" }
    /// Mug at x in [-0.05, 0.05], y in [0.75, 0.8]; goal at x in [-0.1, 0.1], y in [0.55, 0.65].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.75, Self.mugHalfHeight), upper: Vector3(0.05, 0.8, Self.mugHalfHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.55, Self.mugHalfHeight), upper: Vector3(0.1, 0.65, Self.mugHalfHeight)))
    }

    /// Mug under the spout, goal, and the machine body behind the mug.
    public func makeScene(layout: Layout) -> Scene {
        let m = layout.object
        let machine = SceneBox(lower: Vector3(m.x - 0.1, m.y + 0.1, 0), upper: Vector3(m.x + 0.1, m.y + 0.28, 0.35))
        let mug = LooseObject.cylinder(at: m, radius: Self.mugRadius, halfHeight: Self.mugHalfHeight)
        return LooseObject.scene(body: mug, goal: layout.goal, boxes: [machine])
    }

    /// Reward and success from the mug-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low between the machine and the mug, then push the mug toward the goal.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: Self.mugRadius + Tabletop.fingerRadius)
    }
}
