/// `hand-insert`: push a puck into a hole in a raised platform (Meta-World `hand-insert-v3`).
///
/// The puck starts on a 4 cm platform; the goal is at the bottom of an 11 cm square hole in it, so the
/// puck drops into the hole once it is pushed over it. Reward: `2 reach + 6 H(reach, inPlace)` on the
/// TCP-puck and puck-goal distances, 10 once the puck is within 5 cm of the goal.
public struct HandInsert: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05
    /// Height of the puck's centre on the platform.
    public static let puckHeight = 0.06
    /// Height of the platform's top, computed as the puck's bottom so that the puck rests on it exactly.
    public static let platformTop = puckHeight - 0.02
    /// Half size of the square hole.
    public static let holeHalfSize = 0.055

    /// The task with Meta-World's ranges.
    public init() {}

    /// `hand-insert`.
    public var name: String { "hand-insert" }
    /// What the task asks.
    public var summary: String { "Push a puck along a platform into a hole." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.05" }
    /// Puck on the platform at x in [-0.1, 0.1], y in [0.6, 0.65]; hole at x in [-0.04, 0.04], y in [0.8, 0.88], goal at its bottom.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, Self.puckHeight), upper: Vector3(0.1, 0.65, Self.puckHeight)),
                    goal: PositionRange(lower: Vector3(-0.04, 0.8, 0.02), upper: Vector3(0.04, 0.88, 0.02)))
    }

    /// The platform (four solid blocks around the hole) with the puck on it.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let h = Self.holeHalfSize
        let top = Self.platformTop
        let boxes = [
            SceneBox(lower: Vector3(g.x - 0.3, 0.45, 0), upper: Vector3(g.x - h, g.y + 0.15, top)),
            SceneBox(lower: Vector3(g.x + h, 0.45, 0), upper: Vector3(g.x + 0.3, g.y + 0.15, top)),
            SceneBox(lower: Vector3(g.x - h, 0.45, 0), upper: Vector3(g.x + h, g.y - h, top)),
            SceneBox(lower: Vector3(g.x - h, g.y + h, 0), upper: Vector3(g.x + h, g.y + 0.15, top)),
        ]
        return LooseObject.scene(body: .puck(at: layout.object), goal: g, boxes: boxes)
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low behind the puck and push it over the hole.
    public func expertAction(for observation: Observation) -> Action {
        let puck = observation.firstPosition
        let goal = Vector3(observation.goal.x, observation.goal.y, puck.z)
        return LooseObject.push(tcp: observation.tcp, object: puck, target: goal, contact: 0.02 + Tabletop.fingerRadius)
    }
}
