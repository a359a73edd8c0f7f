/// `window-close`: slide an open window shut by pushing its handle sideways (Meta-World `window-close-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's x offset from the
/// goal, 10 when solved.
public struct WindowClose: WindowTask {
    /// Success when the handle's x is within this distance of the goal's x.
    public static let goalTolerance = 0.05
    /// The window slides 20 cm shut, to the left.
    static let slide = -0.2

    /// The task with Meta-World's ranges.
    public init() {}

    /// `window-close`.
    public var name: String { "window-close" }
    /// What the task asks.
    public var summary: String { "Push an open sliding window's handle 20 cm to the left to close it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle x within 0.05 of goal x" }
    /// Handle at x in [0, 0.2], y in [0.75, 0.9], z 0.2; the goal is 20 cm to its left.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.75, 0.2), upper: Vector3(0.2, 0.9, 0.2)),
                    goal: PositionRange(lower: Vector3(-0.2, 0.75, 0.2), upper: Vector3(0, 0.9, 0.2)))
    }
}
