/// `push-back`: push a puck toward the robot to a goal on the table (Meta-World `push-back-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-puck and puck-goal distances, 10 once the puck is
/// within 7 cm of the goal.
public struct PushBack: PuckPushTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07

    /// The task with Meta-World's ranges.
    public init() {}

    /// `push-back`.
    public var name: String { "push-back" }
    /// What the task asks.
    public var summary: String { "Push a puck on the far table back toward the robot, onto a goal." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.07" }
    /// Puck at x in [-0.1, 0.1], y in [0.8, 0.85]; goal on the table at x in [-0.1, 0.1], y in [0.6, 0.7].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.8, 0.02), upper: Vector3(0.1, 0.85, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)))
    }
}
