/// `shelf-place`: put a puck onto a shelf (Meta-World `shelf-place-v3`).
///
/// The goal lies on a shelf board whose top is 2 cm under it; the board is solid. Reward in the
/// Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while the puck is held, and 10 once the puck is
/// within 7 cm of the goal.
public struct ShelfPlace: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07

    /// The task with Meta-World's ranges.
    public init() {}

    /// `shelf-place`.
    public var name: String { "shelf-place" }
    /// What the task asks.
    public var summary: String { "Grasp a puck from the table and place it on a shelf." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.07" }
    /// Puck at x in [-0.1, 0.1], y in [0.5, 0.6]; goal on the shelf at x in [-0.1, 0.1], y in [0.8, 0.9], z 0.3.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.5, 0.02), upper: Vector3(0.1, 0.6, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, 0.3), upper: Vector3(0.1, 0.9, 0.3)))
    }

    /// Puck on the table, a shelf board under the goal and the shelf's back.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let boardTop = g.z - 0.02
        let boxes = [
            SceneBox(lower: Vector3(g.x - 0.15, g.y - 0.08, boardTop - 0.02), upper: Vector3(g.x + 0.15, g.y + 0.08, boardTop)),
            SceneBox(lower: Vector3(g.x - 0.15, g.y + 0.08, 0), upper: Vector3(g.x + 0.15, g.y + 0.1, boardTop + 0.2)),
        ]
        return LooseObject.scene(body: .puck(at: layout.object), goal: layout.goal, boxes: boxes)
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Pick the puck, lift it above the shelf, move over the goal and lower it onto the board.
    public func expertAction(for observation: Observation) -> Action {
        let goal = observation.goal + Vector3(0, 0, 0.005)
        return LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: observation.firstPosition,
                                 object: observation.firstPosition, goal: goal, travelHeight: observation.goal.z + 0.05)
    }
}
