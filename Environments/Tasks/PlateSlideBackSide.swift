/// `plate-slide-back-side`: slide a plate out of a hockey net on the left back to the middle of the table (Meta-World `plate-slide-back-side-v3`).
///
/// The plate is a flat disc (radius 4.5 cm, 2 cm thick) pushed by the fingertip; the net is drawn around
/// the goal and blocks nothing. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-plate and plate-goal
/// distances, 10 once the plate is within 7 cm of the goal.
public struct PlateSlideBackSide: PlateSlideTask {
    /// The task with Meta-World's ranges.
    public init() {}

    /// `plate-slide-back-side`.
    public var name: String { "plate-slide-back-side" }
    /// What the task asks.
    public var summary: String { "Slide a plate out of a hockey net on the left back to the middle of the table." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from plate to goal <= 0.07" }
    /// Plate in the net at (-0.25, 0.6); goal at x in [-0.05, 0.15], y 0.6.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.25, 0.6, Self.halfHeight), upper: Vector3(-0.25, 0.6, Self.halfHeight)),
                    goal: PositionRange(lower: Vector3(-0.05, 0.6, Self.halfHeight), upper: Vector3(0.15, 0.6, Self.halfHeight)))
    }
}
