/// `plate-slide-back`: slide a plate out of a hockey net back toward the robot (Meta-World `plate-slide-back-v3`).
///
/// The plate is a flat disc (radius 4.5 cm, 2 cm thick) pushed by the fingertip; the net is drawn around
/// the goal and blocks nothing. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-plate and plate-goal
/// distances, 10 once the plate is within 7 cm of the goal.
public struct PlateSlideBack: PlateSlideTask {
    /// The task with Meta-World's ranges.
    public init() {}

    /// `plate-slide-back`.
    public var name: String { "plate-slide-back" }
    /// What the task asks.
    public var summary: String { "Slide a plate out of a hockey net back toward the robot." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from plate to goal <= 0.07" }
    /// Plate in the net at (0, 0.85); goal at x in [-0.1, 0.1], y 0.6.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.85, Self.halfHeight), upper: Vector3(0, 0.85, Self.halfHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.6, Self.halfHeight), upper: Vector3(0.1, 0.6, Self.halfHeight)))
    }
}
