/// `sweep`: sweep a puck sideways across the table to a goal at its right edge (Meta-World `sweep-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-puck and puck-goal distances, 10 once the puck is
/// within 5 cm of the goal.
public struct Sweep: PuckPushTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05

    /// The task with Meta-World's ranges.
    public init() {}

    /// `sweep`.
    public var name: String { "sweep" }
    /// What the task asks.
    public var summary: String { "Sweep a puck sideways to a goal at the right edge of the table." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.05" }
    /// Puck at x in [-0.1, 0.1], y in [0.6, 0.7]; goal at x in [0.49, 0.51], y in [0.6, 0.7] on the table.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)),
                    goal: PositionRange(lower: Vector3(0.49, 0.6, 0.02), upper: Vector3(0.51, 0.7, 0.02)))
    }
}
