/// `plate-slide-side`: slide a plate sideways into a hockey net on the left (Meta-World `plate-slide-side-v3`).
///
/// The plate is a flat disc (radius 4.5 cm, 2 cm thick) pushed by the fingertip; the net is drawn around
/// the goal and blocks nothing. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-plate and plate-goal
/// distances, 10 once the plate is within 7 cm of the goal.
public struct PlateSlideSide: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// The plate's radius.
    public static let radius = 0.045
    /// Half the plate's thickness (its centre's height).
    public static let halfHeight = 0.01

    /// The task with Meta-World's ranges.
    public init() {}

    /// `plate-slide-side`.
    public var name: String { "plate-slide-side" }
    /// What the task asks.
    public var summary: String { "Slide a plate sideways into a hockey net on the left." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from plate to goal <= 0.07" }
    /// Plate at (0, 0.6); net at x in [-0.3, -0.25], y in [0.54, 0.66].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.6, Self.halfHeight), upper: Vector3(0, 0.6, Self.halfHeight)),
                    goal: PositionRange(lower: Vector3(-0.3, 0.54, Self.halfHeight), upper: Vector3(-0.25, 0.66, Self.halfHeight)))
    }

    /// Plate, goal and the net drawn around the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let plate = LooseObject.cylinder(at: layout.object, radius: Self.radius, halfHeight: Self.halfHeight)
        return LooseObject.scene(body: plate, goal: g,
                                 boxes: [SceneBox(lower: Vector3(g.x - 0.08, g.y - 0.06, 0), upper: Vector3(g.x + 0.08, g.y + 0.06, 0.08), role: .region)])
    }

    /// Reward and success from the plate-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low right of the plate and push it left into the net.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: Self.radius + Tabletop.fingerRadius)
    }
}
