/// `coffee-button`: press the button on the front of a coffee machine (Meta-World `coffee-button-v3`).
///
/// The button sits 28 cm up on the machine's front and is pressed 6 cm along +y; a spring pushes it
/// back out 5 mm per step. The machine is solid.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-button distance and the button's offset from the
/// goal along its axis, 10 when solved.
public struct CoffeeButton: SliderTask {
    /// Success when the button's y is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The button's slide: along y, pushed in from the front, spring-loaded.
    static let mechanism = SliderMechanism(axis: 1, halfThickness: 0.01, band: Vector3(0.02, 0, 0.02), springSpeed: 0.005)
    /// The goal is the rest position moved by 6 cm along +y.
    static let goalOffset = Vector3(0, 0.06, 0)
    /// The button goes in 7 cm at most.
    static let travel = 0.0...0.07
    /// The expert's approach: come down in front of the button, then press it in.
    static let approach = Vector3(0, 0, -1)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `coffee-button`.
    public var name: String { "coffee-button" }
    /// What the task asks.
    public var summary: String { "Press the button on the front of a coffee machine." }
    /// Meta-World's criterion.
    public var successCriterion: String { "button y within 0.02 of the goal's" }
    /// Button face at x in [-0.1, 0.1], y in [0.75, 0.8], z 0.28; the goal is 6 cm further in.
    public var resetRanges: ResetRanges {
        Self.ranges(rest: PositionRange(lower: Vector3(-0.1, 0.75, 0.28), upper: Vector3(0.1, 0.8, 0.28)))
    }

    /// The button at rest on the front of the solid machine.
    func boxes(rest c: Vector3) -> [SceneBox] {
        [
            SceneBox(lower: Vector3(c.x - 0.12, c.y + 0.09, 0), upper: Vector3(c.x + 0.12, c.y + 0.3, 0.38)),
            SceneBox(lower: Vector3(c.x - 0.02, c.y, c.z - 0.02), upper: Vector3(c.x + 0.02, c.y + 0.09, c.z + 0.02), role: .region),
        ]
    }
}
