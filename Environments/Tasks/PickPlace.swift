/// `pick-place`: pick a puck up and hold it at a goal in the air (Meta-World `pick-place-v3`).
///
/// Reward in the Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while the puck is held, and 10 once
/// the puck is within 7 cm of the goal.
public struct PickPlace: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07

    /// The task with Meta-World's ranges.
    public init() {}

    /// `pick-place`.
    public var name: String { "pick-place" }
    /// What the task asks.
    public var summary: String { "Grasp a puck on the table and carry it to a goal point in the air." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.07" }
    /// Puck in front of the robot, goal up to 30 cm above the far table.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, 0.05), upper: Vector3(0.1, 0.9, 0.3)))
    }

    /// Puck and goal from the layout; margins: initial TCP-puck and puck-goal distances.
    public func makeScene(layout: Layout) -> Scene {
        LooseObject.scene(body: .puck(at: layout.object), goal: layout.goal)
    }

    /// Reward from reaching, holding and the puck-goal distance; success within 7 cm.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Pick the puck, then carry it to the goal with closed fingers.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: observation.gripper, gripPoint: observation.firstPosition) {
            return picking
        }
        return ExpertMotion.action(ExpertMotion.move(from: tcp, to: observation.goal), grip: 1)
    }
}
