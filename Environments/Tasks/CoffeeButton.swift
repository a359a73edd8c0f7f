/// `coffee-button`: press the button on the front of a coffee machine (Meta-World `coffee-button-v3`).
///
/// The button sits 28 cm up on the machine's front and is pressed 6 cm along +y; a spring pushes it
/// back out 5 mm per step. The machine is solid.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-button distance and the button's offset from the
/// goal along its axis, 10 when solved.
public struct CoffeeButton: ManipulationTask {
    /// Success when the button's y is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The button's slide: along y, pushed in from the front, spring-loaded.
    static let mechanism = SliderMechanism(axis: 1, halfThickness: 0.01, band: Vector3(0.02, 0, 0.02), springSpeed: 0.005)

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
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.75, 0.28), upper: Vector3(0.1, 0.8, 0.28)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.75, 0.28) + Vector3(0, 0.06, 0), upper: Vector3(0.1, 0.8, 0.28) + Vector3(0, 0.06, 0)))
    }

    /// The goal is the rest position moved by 6 cm along +y.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let rest = resetRanges.object.sample(using: &generator)
        return Layout(object: rest, goal: rest + Vector3(0, 0.06, 0))
    }

    /// The button at rest on the front of the solid machine.
    public func makeScene(layout: Layout) -> Scene {
        let c = layout.object
        let boxes = [
            SceneBox(lower: Vector3(c.x - 0.12, c.y + 0.09, 0), upper: Vector3(c.x + 0.12, c.y + 0.3, 0.38)),
            SceneBox(lower: Vector3(c.x - 0.02, c.y, c.z - 0.02), upper: Vector3(c.x + 0.02, c.y + 0.09, c.z + 0.02), role: .region),
        ]
        return Self.mechanism.scene(rest: c, goal: layout.goal, lower: 0, upper: 0.07, boxes: boxes)
    }

    /// Slide dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the button's offset along its axis.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, tolerance: Self.goalTolerance)
    }

    /// Come down in front of the button, then press it in.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, approach: Vector3(0, 0, -1))
    }
}
