/// `door-lock`: turn a door's lock down (Meta-World `door-lock-v3`).
///
/// The lock's knob sticks out of a closed, solid door; pressing it from above moves it down 10 cm at
/// most, and it stays where it is left.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-lock distance and the lock's offset from the
/// goal along its axis, 10 when solved.
public struct DoorLock: SliderTask {
    /// Success when the lock's height is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The lock's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.02, 0.04, 0))
    /// The goal is the rest position moved by 8 cm down.
    static let goalOffset = Vector3(0, 0, -0.08)
    /// The knob goes down 10 cm at most.
    static let travel = -0.1...0
    /// The expert's approach: come down onto the knob from above and press it to the goal.
    static let approach = Vector3(0, 0, -1)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `door-lock`.
    public var name: String { "door-lock" }
    /// What the task asks.
    public var summary: String { "Press a door lock's knob down to lock the door." }
    /// Meta-World's criterion.
    public var successCriterion: String { "lock height within 0.02 of the goal's" }
    /// Knob at x in [-0.1, 0.1], y in [0.75, 0.8], z 0.17; the goal is 8 cm lower.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.1, 0.75, 0.17), upper: Vector3(0.1, 0.8, 0.17)))
    }

    /// The knob at rest and the door behind it.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.2, c.y + 0.05, 0), upper: Vector3(c.x + 0.2, c.y + 0.09, 0.3)),
            SceneBox(lower: Vector3(c.x - 0.01, c.y - 0.04, c.z - 0.01), upper: Vector3(c.x + 0.01, c.y + 0.05, c.z + 0.01), role: .region),
        ]
    }
}
