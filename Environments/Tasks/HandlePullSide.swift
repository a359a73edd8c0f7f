/// `handle-pull-side`: pull up a handle that sticks out sideways (Meta-World `handle-pull-side-v3`).
///
/// The handle sticks out along +x from a solid box on the left, 7 cm above the table; its grip moves up
/// 16 cm at most when lifted from below and stays where it is left. Success is the 3-D handle-goal
/// distance within 8 cm (the handle moves only vertically, so that distance is its height offset).
/// Fingers within 1 cm of the handle hold it (`SliderMechanism.hooks`), so a tip resting on top can
/// lift it.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's offset from the
/// goal along its axis, 10 when solved.
public struct HandlePullSide: SliderTask {
    /// Success when the handle's height is within this distance of the goal's.
    public static let goalTolerance = 0.08
    /// The handle's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.05, 0.03, 0), hooks: true)
    /// The goal is the rest position moved by 15 cm up.
    static let goalOffset = Vector3(0, 0, 0.15)
    /// The handle rises 16 cm at most.
    static let travel = 0.0...0.16
    /// The expert's approach: slide the fingertip under the handle from its free end, then lift it to the goal.
    static let approach = Vector3(-1, 0, 0)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `handle-pull-side`.
    public var name: String { "handle-pull-side" }
    /// What the task asks.
    public var summary: String { "Lift a handle that sticks out sideways from a box." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle to goal <= 0.08" }
    /// Handle grip at x in [-0.3, -0.2], y in [0.6, 0.7], z 0.07; the goal is 15 cm higher.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.3, 0.6, 0.07), upper: Vector3(-0.2, 0.7, 0.07)))
    }

    /// The handle at rest and the solid box it sticks out of.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.16, c.y - 0.06, 0), upper: Vector3(c.x - 0.06, c.y + 0.06, 0.25)),
            SceneBox(lower: Vector3(c.x - 0.06, c.y - 0.015, c.z - 0.01), upper: Vector3(c.x + 0.05, c.y + 0.015, c.z + 0.01), role: .region),
        ]
    }
}
