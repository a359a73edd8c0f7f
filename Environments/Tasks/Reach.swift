/// `reach`: move the fingertips to a goal point in the air (Meta-World `reach-v3`).
///
/// A puck sits on the table but plays no part. Reward: `10 * tolerance(|TCP - goal|, [0, 0.05],
/// margin = initial distance, long tail)`, so it is 10 exactly in the solved zone.
public struct Reach: ReachTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05
    /// No walls.
    static let boxes: [SceneBox] = []

    /// The task with Meta-World's ranges.
    public init() {}

    /// `reach`.
    public var name: String { "reach" }
    /// What the task asks.
    public var summary: String { "Move the fingertips to a goal point in the air above the table." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from TCP to goal <= 0.05" }
    /// Puck on the table in front of the robot; goal up to 30 cm above the far table.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, 0.05), upper: Vector3(0.1, 0.9, 0.3)))
    }

    /// Move the TCP straight to the goal.
    public func expertAction(for observation: Observation) -> Action {
        ExpertMotion.action(ExpertMotion.move(from: observation.tcp, to: observation.goal), grip: 0)
    }
}
