/// `door-unlock`: turn a door's lock sideways (Meta-World `door-unlock-v3`).
///
/// The lock's knob sticks out of a closed, solid door; pushing it from the left slides it 12 cm to the
/// right at most, and it stays where it is left.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-lock distance and the lock's offset from the
/// goal along its axis, 10 when solved.
public struct DoorUnlock: SliderTask {
    /// Success when the lock's x is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The lock's slide: along x, pushed from either side.
    static let mechanism = SliderMechanism(axis: 0, halfThickness: 0.01, band: Vector3(0, 0.04, 0.02))
    /// The goal is the rest position moved by 10 cm along +x.
    static let goalOffset = Vector3(0.1, 0, 0)
    /// The knob slides right 12 cm at most.
    static let travel = 0.0...0.12
    /// The expert's approach: come down left of the knob, then push it right to the goal.
    static let approach = Vector3(0, 0, -1)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `door-unlock`.
    public var name: String { "door-unlock" }
    /// What the task asks.
    public var summary: String { "Push a door lock's knob sideways to unlock the door." }
    /// Meta-World's criterion.
    public var successCriterion: String { "lock x within 0.02 of the goal's" }
    /// Knob at x in [-0.1, 0.1], y in [0.75, 0.8], z 0.17; the goal is 10 cm to the right.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.1, 0.75, 0.17), upper: Vector3(0.1, 0.8, 0.17)))
    }

    /// The knob at rest and the door behind it.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.2, c.y + 0.05, 0), upper: Vector3(c.x + 0.3, c.y + 0.09, 0.3)),
            SceneBox(lower: Vector3(c.x - 0.01, c.y - 0.04, c.z - 0.01), upper: Vector3(c.x + 0.01, c.y + 0.05, c.z + 0.01), role: .region),
        ]
    }
}
