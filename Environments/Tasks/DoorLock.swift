/// `door-lock`: turn a door's lock down (Meta-World `door-lock-v3`).
///
/// The lock's knob sticks out of a closed, solid door; pressing it from above moves it down 10 cm at
/// most, and it stays where it is left.
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-lock distance and the lock's offset from the
/// goal along its axis, 10 when solved.
public struct DoorLock: ManipulationTask {
    /// Success when the lock's height is within this distance of the goal's.
    public static let goalTolerance = 0.02
    /// The lock's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.02, 0.04, 0))

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
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.75, 0.17), upper: Vector3(0.1, 0.8, 0.17)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.75, 0.17) + Vector3(0, 0, -0.08), upper: Vector3(0.1, 0.8, 0.17) + Vector3(0, 0, -0.08)))
    }

    /// The goal is the rest position moved by 8 cm down.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let rest = resetRanges.object.sample(using: &generator)
        return Layout(object: rest, goal: rest + Vector3(0, 0, -0.08))
    }

    /// The knob at rest and the door behind it.
    public func makeScene(layout: Layout) -> Scene {
        let c = layout.object
        let boxes = [
            SceneBox(lower: Vector3(c.x - 0.2, c.y + 0.05, 0), upper: Vector3(c.x + 0.2, c.y + 0.09, 0.3)),
            SceneBox(lower: Vector3(c.x - 0.01, c.y - 0.04, c.z - 0.01), upper: Vector3(c.x + 0.01, c.y + 0.05, c.z + 0.01), role: .region),
        ]
        return Self.mechanism.scene(rest: c, goal: layout.goal, lower: -0.1, upper: 0, boxes: boxes)
    }

    /// Slide dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the lock's offset along its axis.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, tolerance: Self.goalTolerance)
    }

    /// Come down onto the knob from above and press it to the goal.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, approach: Vector3(0, 0, -1))
    }
}
