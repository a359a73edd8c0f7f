/// `plate-slide`: slide a plate across the table into a hockey net (Meta-World `plate-slide-v3`).
///
/// The plate is a flat disc (radius 4.5 cm, 2 cm thick) pushed by the fingertip; the net is drawn around
/// the goal and blocks nothing. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-plate and plate-goal
/// distances, 10 once the plate is within 7 cm of the goal.
public struct PlateSlide: PlateSlideTask {
    /// The task with Meta-World's ranges.
    public init() {}

    /// `plate-slide`.
    public var name: String { "plate-slide" }
    /// What the task asks.
    public var summary: String { "Slide a plate across the table into a hockey net." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from plate to goal <= 0.07" }
    /// Plate at (0, 0.6); net at x in [-0.1, 0.1], y in [0.85, 0.9].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.6, Self.halfHeight), upper: Vector3(0, 0.6, Self.halfHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.85, Self.halfHeight), upper: Vector3(0.1, 0.9, Self.halfHeight)))
    }
}
