/// `window-open`: slide a window open by pushing its handle sideways (Meta-World `window-open-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's x offset from the
/// goal, 10 when solved.
public struct WindowOpen: WindowTask {
    /// Success when the handle's x is within this distance of the goal's x.
    public static let goalTolerance = 0.05
    /// The window slides 20 cm open, to the right.
    static let slide = 0.2

    /// The task with Meta-World's ranges.
    public init() {}

    /// `window-open`.
    public var name: String { "window-open" }
    /// What the task asks.
    public var summary: String { "Push a closed sliding window's handle 20 cm to the right to open it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle x within 0.05 of goal x" }
    /// Handle at x in [-0.1, 0.1], y in [0.7, 0.9], z 0.16; the goal is 20 cm to its right.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.7, 0.16), upper: Vector3(0.1, 0.9, 0.16)),
                    goal: PositionRange(lower: Vector3(0.1, 0.7, 0.16), upper: Vector3(0.3, 0.9, 0.16)))
    }
}
