/// `reach-wall`: move the fingertips to a goal behind a wall (Meta-World `reach-wall-v3`).
///
/// A wall 20 cm high stands across the table between the hand and the goal, so the hand has to rise over
/// it. A puck sits on the table but plays no part. Reward: `10 * tolerance(|TCP - goal|, [0, 0.05],
/// margin = initial distance, long tail)`, 10 in the solved zone.
public struct ReachWall: ReachTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05
    /// Height of the wall's top.
    public static let wallTop = 0.2
    /// The wall at y 0.73..0.75.
    static let boxes = [SceneBox(lower: Vector3(-0.2, 0.73, 0), upper: Vector3(0.2, 0.75, wallTop))]

    /// The task with Meta-World's ranges.
    public init() {}

    /// `reach-wall`.
    public var name: String { "reach-wall" }
    /// What the task asks.
    public var summary: String { "Reach over a wall to a goal point in the air behind it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from TCP to goal <= 0.05" }
    /// Puck at x in [-0.05, 0.05], y in [0.6, 0.65]; goal at x in [-0.05, 0.05], y in [0.85, 0.9], z in [0.05, 0.3].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.6, 0.02), upper: Vector3(0.05, 0.65, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.05, 0.85, 0.05), upper: Vector3(0.05, 0.9, 0.3)))
    }

    /// Rise above the wall, move over the goal, then go down to it.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let goal = observation.goal
        let clearance = max(0, Self.wallTop + 0.03 - goal.z)
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: goal, clearance: clearance, tolerance: 0.02), grip: 0)
    }
}
