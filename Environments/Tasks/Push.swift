/// `push`: push a puck across the table to a goal on the table (Meta-World `push-v3`).
///
/// Open fingers lowered around the puck cage it and carry it along; closed fingers push it like a pad
/// with friction (see `Scene.contactShift`). Reward in the Meta-World manner: `2 reach + 6 H(reach,
/// inPlace)` with tolerance terms on the TCP-puck distance (full within 2 cm, inside the cage) and the
/// puck-goal distance, and 10 once the puck is within 5 cm of the goal.
public struct Push: PuckPushTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05

    /// The task with Meta-World's ranges.
    public init() {}

    /// `push`.
    public var name: String { "push" }
    /// What the task asks.
    public var summary: String { "Push a puck across the table to a goal marked on the table." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.05" }
    /// Puck in front of the robot, goal on the far table at the puck's height.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, 0.02), upper: Vector3(0.1, 0.9, 0.02)))
    }
}
