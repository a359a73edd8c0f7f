/// `box-close`: put the lid on a box (Meta-World `box-close-v3`).
///
/// The lid is a flat square plate with a handle on top, grasped by the handle; the goal is the lid's
/// position resting on the box, whose walls are solid. Reward in the Meta-World manner: `2 reach + closing`, plus
/// `1 + 5 inPlace` while the lid is held, and 10 once the lid is within 8 cm of the goal.
public struct BoxClose: ManipulationTask {
    /// Success radius around the goal (strict), metres.
    public static let goalRadius = 0.08
    /// Half size of the square lid.
    public static let lidHalfSize = 0.06
    /// Half the lid's thickness.
    public static let lidHalfHeight = 0.01
    /// Height of the handle's grip point above the lid's centre.
    public static let handleHeight = 0.03
    /// Height of the box's walls.
    public static let boxTop = 0.09

    /// The task with Meta-World's ranges.
    public init() {}

    /// `box-close`.
    public var name: String { "box-close" }
    /// What the task asks.
    public var summary: String { "Pick up a box's lid by its handle and put it on the box." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from lid to goal < 0.08" }
    /// Lid at x in [-0.05, 0.05], y in [0.5, 0.55]; box with the lid goal at x in [-0.1, 0.1], y in [0.7, 0.8], z 0.1.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.5, Self.lidHalfHeight), upper: Vector3(0.05, 0.55, Self.lidHalfHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.7, Self.boxTop + Self.lidHalfHeight), upper: Vector3(0.1, 0.8, Self.boxTop + Self.lidHalfHeight)))
    }

    /// Lid on the table and the box's four walls under the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let s = Self.lidHalfSize
        let t = 0.01
        let top = Self.boxTop
        let boxes = [
            SceneBox(lower: Vector3(g.x - s, g.y - s, 0), upper: Vector3(g.x - s + t, g.y + s, top)),
            SceneBox(lower: Vector3(g.x + s - t, g.y - s, 0), upper: Vector3(g.x + s, g.y + s, top)),
            SceneBox(lower: Vector3(g.x - s + t, g.y - s, 0), upper: Vector3(g.x + s - t, g.y - s + t, top)),
            SceneBox(lower: Vector3(g.x - s + t, g.y + s - t, 0), upper: Vector3(g.x + s - t, g.y + s, top)),
        ]
        let h = Self.lidHalfHeight
        let lid = Body(kind: .free, position: layout.object, lowerExtent: Vector3(-s, -s, -h), upperExtent: Vector3(s, s, h),
                       pushRadius: s, gripOffset: Vector3(0, 0, Self.handleHeight), gripOpening: 0.4, graspable: true)
        return LooseObject.scene(body: lid, goal: g, boxes: boxes)
    }

    /// Reward and success from the lid-goal distance (strictly below 8 cm).
    public func evaluate(_ scene: Scene) -> Evaluation {
        let distance = (scene.first.position - scene.goal).norm
        if distance < Self.goalRadius { return Evaluation(reward: 10, success: true) }
        return LooseObject.carryEvaluation(scene, distance: distance, goalRadius: Self.goalRadius.nextDown)
    }

    /// Grasp the handle, lift the lid above the box, move over it and lower the lid onto it.
    public func expertAction(for observation: Observation) -> Action {
        let lid = observation.firstPosition
        let handle = lid + Vector3(0, 0, Self.handleHeight)
        return LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: handle,
                                 object: lid, goal: observation.goal + Vector3(0, 0, 0.005), travelHeight: Self.boxTop + 0.1)
    }
}
