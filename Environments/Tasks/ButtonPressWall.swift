/// `button-press-wall`: press a button behind a low wall straight in (Meta-World `button-press-wall-v3`).
///
/// As `button-press`, with an 8 cm wall across the table in front of the button, so the hand reaches
/// over it; success allows 3 cm.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-button distance and the button's offset from the
/// goal along its axis, 10 when solved.
public struct ButtonPressWall: SliderTask {
    /// Success when the button's y is within this distance of the goal's.
    public static let goalTolerance = 0.03
    /// The button's slide: along y, pushed in from the front, spring-loaded.
    static let mechanism = SliderMechanism(axis: 1, halfThickness: 0.01, band: Vector3(0.025, 0, 0.025), springSpeed: 0.005)
    /// The goal is the rest position moved by 9 cm along +y.
    static let goalOffset = Vector3(0, 0.09, 0)
    /// The button goes in 10 cm at most.
    static let travel = 0.0...0.1
    /// The expert's approach: come down over the wall in front of the button, then press it in.
    static let approach = Vector3(0, 0, -1)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `button-press-wall`.
    public var name: String { "button-press-wall" }
    /// What the task asks.
    public var summary: String { "Reach over a low wall and press a button that faces the robot." }
    /// Meta-World's criterion.
    public var successCriterion: String { "button y within 0.03 of the goal's" }
    /// Button face at x in [-0.1, 0.1], y in [0.73, 0.78], z 0.115; the goal is 9 cm further in.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.1, 0.73, 0.115), upper: Vector3(0.1, 0.78, 0.115)))
    }

    /// The button at rest, its solid box, and the wall in front of it.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.1, c.y + 0.13, 0), upper: Vector3(c.x + 0.1, c.y + 0.25, 0.25)),
            SceneBox(lower: Vector3(c.x - 0.025, c.y, c.z - 0.025), upper: Vector3(c.x + 0.025, c.y + 0.13, c.z + 0.025), role: .region),
            SceneBox(lower: Vector3(c.x - 0.15, c.y - 0.1, 0), upper: Vector3(c.x + 0.15, c.y - 0.08, 0.08)),
        ]
    }
}
