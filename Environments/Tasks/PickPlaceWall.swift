/// `pick-place-wall`: pick a puck up and hold it at a goal behind a wall (Meta-World `pick-place-wall-v3`).
///
/// A 12 cm wall stands between the puck and the goal. Reward in the Meta-World manner: `2 reach + closing`, plus
/// `1 + 5 inPlace` while the puck is held, and 10 once the puck is within 7 cm of the goal.
public struct PickPlaceWall: WallCarryTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.07
    /// Height of the wall's top.
    public static let wallTop = 0.12

    /// The task with Meta-World's ranges.
    public init() {}

    /// `pick-place-wall`.
    public var name: String { "pick-place-wall" }
    /// What the task asks.
    public var summary: String { "Grasp a puck and carry it over a wall to a goal point in the air." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.07" }
    /// Puck at x in [-0.05, 0.05], y in [0.6, 0.65]; goal at x in [-0.05, 0.05], y in [0.85, 0.9], z in [0.05, 0.3].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.6, 0.02), upper: Vector3(0.05, 0.65, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.05, 0.85, 0.05), upper: Vector3(0.05, 0.9, 0.3)))
    }
}
