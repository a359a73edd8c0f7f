/// `soccer`: kick a ball into a goal net (Meta-World `soccer-v3`).
///
/// The net's back and side walls are solid, its mouth faces the robot. Reward: `2 reach + 6 H(reach,
/// inPlace)` on the TCP-ball and ball-goal distances, 10 once the ball is within 7 cm of the goal.
public struct Soccer: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// The ball's radius.
    public static let ballRadius = 0.026

    /// The task with Meta-World's ranges.
    public init() {}

    /// `soccer`.
    public var name: String { "soccer" }
    /// What the task asks.
    public var summary: String { "Push a ball across the table into a goal net." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from ball to goal <= 0.07" }
    /// Ball at x in [-0.1, 0.1], y in [0.6, 0.7]; goal at x in [-0.1, 0.1], y in [0.8, 0.9].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, Self.ballRadius), upper: Vector3(0.1, 0.7, Self.ballRadius)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, Self.ballRadius), upper: Vector3(0.1, 0.9, Self.ballRadius)))
    }

    /// Ball, goal and the net around the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let boxes = [
            SceneBox(lower: Vector3(g.x - 0.12, g.y + 0.06, 0), upper: Vector3(g.x + 0.12, g.y + 0.08, 0.1)),
            SceneBox(lower: Vector3(g.x - 0.12, g.y - 0.01, 0), upper: Vector3(g.x - 0.1, g.y + 0.06, 0.1)),
            SceneBox(lower: Vector3(g.x + 0.1, g.y - 0.01, 0), upper: Vector3(g.x + 0.12, g.y + 0.06, 0.1)),
        ]
        let ball = LooseObject.cylinder(at: layout.object, radius: Self.ballRadius, halfHeight: Self.ballRadius)
        return LooseObject.scene(body: ball, goal: g, boxes: boxes)
    }

    /// Reward and success from the ball-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low behind the ball and push it into the net.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: Self.ballRadius + Tabletop.fingerRadius)
    }
}
