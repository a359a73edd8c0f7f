/// `handle-press`: press a handle down (Meta-World `handle-press-v3`).
///
/// The handle sticks out toward the robot from a solid box; its grip moves down 10 cm at most when
/// pressed from above and stays where it is left.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's offset from the
/// goal along its axis, 10 when solved.
public struct HandlePress: SliderTask {
    /// Success when the handle's height is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The handle's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.03, 0.05, 0))
    /// The goal is the rest position moved by 9 cm down.
    static let goalOffset = Vector3(0, 0, -0.09)
    /// The handle goes down 10 cm at most.
    static let travel = -0.1...0
    /// The expert's approach: come down onto the handle from above and press it to the goal.
    static let approach = Vector3(0, 0, -1)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `handle-press`.
    public var name: String { "handle-press" }
    /// What the task asks.
    public var summary: String { "Press a handle that sticks out of a box down." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle height within 0.02 of the goal's" }
    /// Handle grip at x in [-0.1, 0.1], y in [0.7, 0.8], z 0.17; the goal is 9 cm lower.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.1, 0.7, 0.17), upper: Vector3(0.1, 0.8, 0.17)))
    }

    /// The handle at rest and the solid box it sticks out of.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.06, c.y + 0.06, 0), upper: Vector3(c.x + 0.06, c.y + 0.16, 0.22)),
            SceneBox(lower: Vector3(c.x - 0.015, c.y - 0.05, c.z - 0.01), upper: Vector3(c.x + 0.015, c.y + 0.06, c.z + 0.01), role: .region),
        ]
    }
}
