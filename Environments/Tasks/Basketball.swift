/// `basketball`: pick a ball up and dunk it through a hoop (Meta-World `basketball-v3`).
///
/// The hoop hangs in front of a solid backboard; success weights the height error twice. Reward in the
/// Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while the ball is held, and 10 once
/// `|(ball - hoop) * (1, 1, 2)| <= 0.08`.
public struct Basketball: ManipulationTask {
    /// Success threshold on the weighted ball-hoop distance.
    public static let goalRadius = 0.08
    /// The ball's radius.
    public static let ballRadius = 0.025

    /// The task with Meta-World's ranges.
    public init() {}

    /// `basketball`.
    public var name: String { "basketball" }
    /// What the task asks.
    public var summary: String { "Pick up a ball and put it through a basketball hoop." }
    /// Meta-World's criterion.
    public var successCriterion: String { "norm of ((ball - hoop) * [1, 1, 2]) <= 0.08" }
    /// Ball at x in [-0.1, 0.1], y in [0.6, 0.7]; hoop at x in [-0.1, 0.1], y in [0.85, 0.9], z 0.3.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, Self.ballRadius), upper: Vector3(0.1, 0.7, Self.ballRadius)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.85, 0.3), upper: Vector3(0.1, 0.9, 0.3)))
    }

    /// `|(ball - hoop) * (1, 1, 2)|`.
    public static func weightedDistance(_ ball: Vector3, _ hoop: Vector3) -> Double {
        ((ball - hoop) * Vector3(1, 1, 2)).norm
    }

    /// Ball, hoop and the backboard with its post.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let boxes = [
            SceneBox(lower: Vector3(g.x - 0.12, g.y + 0.08, g.z - 0.05), upper: Vector3(g.x + 0.12, g.y + 0.1, g.z + 0.15)),
            SceneBox(lower: Vector3(g.x - 0.02, g.y + 0.1, 0), upper: Vector3(g.x + 0.02, g.y + 0.13, g.z + 0.1)),
            SceneBox(lower: Vector3(g.x - 0.06, g.y - 0.06, g.z - 0.005), upper: Vector3(g.x + 0.06, g.y + 0.06, g.z + 0.005), role: .region),
        ]
        let ball = LooseObject.cylinder(at: layout.object, radius: Self.ballRadius, halfHeight: Self.ballRadius)
        var scene = LooseObject.scene(body: ball, goal: g, boxes: boxes)
        scene.margins[1] = Self.weightedDistance(layout.object, g)
        return scene
    }

    /// Reward and success from the weighted ball-hoop distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: Self.weightedDistance(scene.first.position, scene.goal), goalRadius: Self.goalRadius)
    }

    /// Pick the ball, lift it above the rim, move over the hoop and lower it into the ring.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: observation.firstPosition,
                          object: observation.firstPosition, goal: observation.goal, travelHeight: observation.goal.z + 0.08)
    }
}
