/// `button-press-wall`: press a button behind a low wall straight in (Meta-World `button-press-wall-v3`).
///
/// As `button-press`, with an 8 cm wall across the table in front of the button, so the hand reaches
/// over it; success allows 3 cm.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-button distance and the button's offset from the
/// goal along its axis, 10 when solved.
public struct ButtonPressWall: ManipulationTask {
    /// Success when the button's y is within this distance of the goal's.
    public static let goalTolerance = 0.03
    /// The button's slide: along y, pushed in from the front, spring-loaded.
    static let mechanism = SliderMechanism(axis: 1, halfThickness: 0.01, band: Vector3(0.025, 0, 0.025), springSpeed: 0.005)

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
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.73, 0.115), upper: Vector3(0.1, 0.78, 0.115)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.73, 0.115) + Vector3(0, 0.09, 0), upper: Vector3(0.1, 0.78, 0.115) + Vector3(0, 0.09, 0)))
    }

    /// The goal is the rest position moved by 9 cm along +y.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let rest = resetRanges.object.sample(using: &generator)
        return Layout(object: rest, goal: rest + Vector3(0, 0.09, 0))
    }

    /// The button at rest, its solid box, and the wall in front of it.
    public func makeScene(layout: Layout) -> Scene {
        let c = layout.object
        let boxes = [
            SceneBox(lower: Vector3(c.x - 0.1, c.y + 0.13, 0), upper: Vector3(c.x + 0.1, c.y + 0.25, 0.25)),
            SceneBox(lower: Vector3(c.x - 0.025, c.y, c.z - 0.025), upper: Vector3(c.x + 0.025, c.y + 0.13, c.z + 0.025), role: .region),
            SceneBox(lower: Vector3(c.x - 0.15, c.y - 0.1, 0), upper: Vector3(c.x + 0.15, c.y - 0.08, 0.08)),
        ]
        return Self.mechanism.scene(rest: c, goal: layout.goal, lower: 0, upper: 0.1, boxes: boxes)
    }

    /// Slide dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the button's offset along its axis.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, tolerance: Self.goalTolerance)
    }

    /// Come down over the wall in front of the button, then press it in.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, approach: Vector3(0, 0, -1))
    }
}
