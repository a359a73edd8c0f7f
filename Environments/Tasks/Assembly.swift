/// `assembly`: put a nut over a peg (Meta-World `assembly-v3`).
///
/// The peg (drawn; the nut's ring slides over it freely) stands 10 cm high; the goal is the top of its
/// axis. The task is done when the nut's centre is within 2 cm of the peg's axis and below the peg's
/// top. Reward in the Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while the nut is held (a
/// tolerance on the distance to a point 4 cm down the peg), 10 when solved.
public struct Assembly: ManipulationTask {
    /// Largest horizontal distance from the nut's centre to the peg's axis.
    public static let axisTolerance = 0.02
    /// Height of the peg's top.
    public static let pegTop = 0.1

    /// The task with Meta-World's ranges.
    public init() {}

    /// `assembly`.
    public var name: String { "assembly" }
    /// What the task asks.
    public var summary: String { "Grasp a nut by its handle and put it over a peg." }
    /// Meta-World's criterion.
    public var successCriterion: String { "nut within 0.02 of the peg axis (horizontal) and below the peg top" }
    /// Nut at x in [0, 0.1], y in [0.6, 0.65]; peg top at x in [-0.1, 0.1], y in [0.75, 0.85], z 0.1.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.6, RoundNut.halfHeight), upper: Vector3(0.1, 0.65, RoundNut.halfHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.75, Self.pegTop), upper: Vector3(0.1, 0.85, Self.pegTop)))
    }

    /// The nut on the table and the peg under the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let peg = SceneBox(lower: Vector3(g.x - 0.012, g.y - 0.012, 0), upper: Vector3(g.x + 0.012, g.y + 0.012, Self.pegTop), role: .region)
        var scene = LooseObject.scene(body: RoundNut.body(at: layout.object), goal: g, boxes: [peg])
        scene.margins[1] = (layout.object - Self.seat(g)).norm
        return scene
    }

    /// The point 4 cm down the peg the reward pulls the nut toward.
    static func seat(_ goal: Vector3) -> Vector3 { goal - Vector3(0, 0, 0.04) }

    /// Success from the nut's horizontal offset from the axis and its height; reward toward the seat.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let nut = scene.first.position
        if nut.horizontalDistance(to: scene.goal) <= Self.axisTolerance && nut.z <= scene.goal.z {
            return Evaluation(reward: 10, success: true)
        }
        let evaluation = LooseObject.carryEvaluation(scene, distance: (nut - Self.seat(scene.goal)).norm, goalRadius: 0)
        return Evaluation(reward: evaluation.reward, success: false)
    }

    /// Grasp the handle, lift the nut above the peg, move it over the axis and lower it onto the peg.
    public func expertAction(for observation: Observation) -> Action {
        let nut = observation.firstPosition
        return LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: nut + RoundNut.gripOffset,
                                 object: nut, goal: Self.seat(observation.goal), travelHeight: Self.pegTop + 0.06)
    }
}
