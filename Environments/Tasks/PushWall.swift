/// `push-wall`: bring a puck to a goal on the table behind a low wall (Meta-World `push-wall-v3`).
///
/// A 6 cm wall stands between the puck and the goal. Reward in the Meta-World manner: `2 reach + closing`, plus
/// `1 + 5 inPlace` while the puck is held, and 10 once the puck is within 7 cm of the goal.
public struct PushWall: WallCarryTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// Height of the wall's top.
    public static let wallTop = 0.06

    /// The task with Meta-World's ranges.
    public init() {}

    /// `push-wall`.
    public var name: String { "push-wall" }
    /// What the task asks.
    public var summary: String { "Bring a puck past a low wall to a goal marked on the table behind it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.07" }
    /// Puck at x in [-0.05, 0.05], y in [0.6, 0.65]; goal on the table at x in [-0.05, 0.05], y in [0.85, 0.9].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.6, 0.02), upper: Vector3(0.05, 0.65, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.05, 0.85, 0.02), upper: Vector3(0.05, 0.9, 0.02)))
    }
}
