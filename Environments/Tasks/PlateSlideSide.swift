/// `plate-slide-side`: slide a plate sideways into a hockey net on the left (Meta-World `plate-slide-side-v3`).
///
/// The plate is a flat disc (radius 4.5 cm, 2 cm thick) pushed by the fingertip; the net is drawn around
/// the goal and blocks nothing. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-plate and plate-goal
/// distances, 10 once the plate is within 7 cm of the goal.
public struct PlateSlideSide: PlateSlideTask {
    /// The task with Meta-World's ranges.
    public init() {}

    /// `plate-slide-side`.
    public var name: String { "plate-slide-side" }
    /// What the task asks.
    public var summary: String { "Slide a plate sideways into a hockey net on the left." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from plate to goal <= 0.07" }
    /// Plate at (0, 0.6); net at x in [-0.3, -0.25], y in [0.54, 0.66].
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.6, Self.halfHeight), upper: Vector3(0, 0.6, Self.halfHeight)),
                    goal: PositionRange(lower: Vector3(-0.3, 0.54, Self.halfHeight), upper: Vector3(-0.25, 0.66, Self.halfHeight)))
    }
}
