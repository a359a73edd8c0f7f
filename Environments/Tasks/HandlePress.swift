/// `handle-press`: press a handle down (Meta-World `handle-press-v3`).
///
/// The handle sticks out toward the robot from a solid box; its grip moves down 10 cm at most when
/// pressed from above and stays where it is left.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's offset from the
/// goal along its axis, 10 when solved.
public struct HandlePress: ManipulationTask {
    /// Success when the handle's height is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The handle's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.03, 0.05, 0))

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
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.7, 0.17), upper: Vector3(0.1, 0.8, 0.17)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.7, 0.17) + Vector3(0, 0, -0.09), upper: Vector3(0.1, 0.8, 0.17) + Vector3(0, 0, -0.09)))
    }

    /// The goal is the rest position moved by 9 cm down.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let rest = resetRanges.object.sample(using: &generator)
        return Layout(object: rest, goal: rest + Vector3(0, 0, -0.09))
    }

    /// The handle at rest and the solid box it sticks out of.
    public func makeScene(layout: Layout) -> Scene {
        let c = layout.object
        let boxes = [
            SceneBox(lower: Vector3(c.x - 0.06, c.y + 0.06, 0), upper: Vector3(c.x + 0.06, c.y + 0.16, 0.22)),
            SceneBox(lower: Vector3(c.x - 0.015, c.y - 0.05, c.z - 0.01), upper: Vector3(c.x + 0.015, c.y + 0.06, c.z + 0.01), role: .region),
        ]
        return Self.mechanism.scene(rest: c, goal: layout.goal, lower: -0.1, upper: 0, boxes: boxes)
    }

    /// Slide dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle's offset along its axis.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, tolerance: Self.goalTolerance)
    }

    /// Come down onto the handle from above and press it to the goal.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, approach: Vector3(0, 0, -1))
    }
}
