/// `pick-out-of-hole`: lift a puck out of a hole and hold it at a goal in the air (Meta-World
/// `pick-out-of-hole-v3`).
///
/// The puck rests at the bottom of a 9 cm square hole in a 6 cm platform, so it cannot be pushed out.
/// Reward in the Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while the puck is held, and 10 once
/// the puck is within 7 cm of the goal.
public struct PickOutOfHole: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// Height of the platform the hole is cut into.
    public static let platformTop = 0.06
    /// Half size of the square hole.
    public static let holeHalfSize = 0.045

    /// The task with Meta-World's ranges.
    public init() {}

    /// `pick-out-of-hole`.
    public var name: String { "pick-out-of-hole" }
    /// What the task asks.
    public var summary: String { "Pick a puck out of a hole in a platform and carry it to a goal in the air." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.07" }
    /// Puck in the hole at x in [-0.02, 0.02], y 0.75; goal at x in [-0.1, 0.1], y in [0.5, 0.6], z in [0.15, 0.3].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.02, 0.75, 0.02), upper: Vector3(0.02, 0.75, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.5, 0.15), upper: Vector3(0.1, 0.6, 0.3)))
    }

    /// The puck at the bottom of the hole: the platform is four solid blocks around it.
    public func makeScene(layout: Layout) -> Scene {
        let c = layout.object
        let h = Self.holeHalfSize
        let top = Self.platformTop
        let boxes = [
            SceneBox(lower: Vector3(c.x - 0.2, c.y - 0.15, 0), upper: Vector3(c.x - h, c.y + 0.15, top)),
            SceneBox(lower: Vector3(c.x + h, c.y - 0.15, 0), upper: Vector3(c.x + 0.2, c.y + 0.15, top)),
            SceneBox(lower: Vector3(c.x - h, c.y - 0.15, 0), upper: Vector3(c.x + h, c.y - h, top)),
            SceneBox(lower: Vector3(c.x - h, c.y + h, 0), upper: Vector3(c.x + h, c.y + 0.15, top)),
        ]
        return LooseObject.scene(body: .puck(at: layout.object), goal: layout.goal, boxes: boxes)
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Come down into the hole, grasp the puck, lift it straight out and carry it to the goal.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: observation.firstPosition,
                          object: observation.firstPosition, goal: observation.goal, travelHeight: Self.platformTop + 0.08, pickClearance: 0.08)
    }
}
