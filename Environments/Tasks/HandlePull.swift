/// `handle-pull`: pull a handle up (Meta-World `handle-pull-v3`).
///
/// The handle sticks out toward the robot from a solid box, 7 cm above the table; its grip moves up 12
/// cm at most when lifted from below and stays where it is left.
/// Fingers within 1 cm of the handle hold it (`SliderMechanism.hooks`), so a tip resting on top can
/// lift it.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's offset from the
/// goal along its axis, 10 when solved.
public struct HandlePull: SliderTask {
    /// Success when the handle's height is within this distance of the goal's.
    public static let goalTolerance = 0.05
    /// The handle's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.03, 0.05, 0), hooks: true)
    /// The goal is the rest position moved by 10 cm up.
    static let goalOffset = Vector3(0, 0, 0.1)
    /// The handle rises 12 cm at most.
    static let travel = 0.0...0.12
    /// The expert's approach: slide the fingertip under the handle from its free end, then lift it to the goal.
    static let approach = Vector3(0, 1, 0)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `handle-pull`.
    public var name: String { "handle-pull" }
    /// What the task asks.
    public var summary: String { "Lift a handle that sticks out of a box from below." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle height within 0.05 of the goal's" }
    /// Handle grip at x in [-0.1, 0.1], y in [0.7, 0.8], z 0.07; the goal is 10 cm higher.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.1, 0.7, 0.07), upper: Vector3(0.1, 0.8, 0.07)))
    }

    /// The handle at rest and the solid box it sticks out of.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.06, c.y + 0.06, 0), upper: Vector3(c.x + 0.06, c.y + 0.16, 0.25)),
            SceneBox(lower: Vector3(c.x - 0.015, c.y - 0.05, c.z - 0.01), upper: Vector3(c.x + 0.015, c.y + 0.06, c.z + 0.01), role: .region),
        ]
    }
}
