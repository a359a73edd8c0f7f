/// `handle-pull-side`: pull up a handle that sticks out sideways (Meta-World `handle-pull-side-v3`).
///
/// The handle sticks out along +x from a solid box on the left, 7 cm above the table; its grip moves up
/// 16 cm at most when lifted from below and stays where it is left. Success is the 3-D handle-goal
/// distance within 8 cm (the handle moves only vertically, so that distance is its height offset).
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's offset from the
/// goal along its axis, 10 when solved.
public struct HandlePullSide: ManipulationTask {
    /// Success when the handle's height is within this distance of the goal's.
    public static let goalTolerance = 0.08
    /// The handle's slide: along z, pushed from above or below.
    static let mechanism = SliderMechanism(axis: 2, halfThickness: 0.01, band: Vector3(0.05, 0.03, 0))

    /// The task with Meta-World's ranges.
    public init() {}

    /// `handle-pull-side`.
    public var name: String { "handle-pull-side" }
    /// What the task asks.
    public var summary: String { "Lift a handle that sticks out sideways from a box." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle to goal <= 0.08" }
    /// Handle grip at x in [-0.3, -0.2], y in [0.6, 0.7], z 0.07; the goal is 15 cm higher.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.3, 0.6, 0.07), upper: Vector3(-0.2, 0.7, 0.07)),
                    goal: PositionRange(lower: Vector3(-0.3, 0.6, 0.07) + Vector3(0, 0, 0.15), upper: Vector3(-0.2, 0.7, 0.07) + Vector3(0, 0, 0.15)))
    }

    /// The goal is the rest position moved by 15 cm up.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let rest = resetRanges.object.sample(using: &generator)
        return Layout(object: rest, goal: rest + Vector3(0, 0, 0.15))
    }

    /// The handle at rest and the solid box it sticks out of.
    public func makeScene(layout: Layout) -> Scene {
        let c = layout.object
        let boxes = [
            SceneBox(lower: Vector3(c.x - 0.16, c.y - 0.06, 0), upper: Vector3(c.x - 0.06, c.y + 0.06, 0.25)),
            SceneBox(lower: Vector3(c.x - 0.06, c.y - 0.015, c.z - 0.01), upper: Vector3(c.x + 0.05, c.y + 0.015, c.z + 0.01), role: .region),
        ]
        return Self.mechanism.scene(rest: c, goal: layout.goal, lower: 0, upper: 0.16, boxes: boxes)
    }

    /// Slide dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle's offset along its axis.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, tolerance: Self.goalTolerance)
    }

    /// Slide the fingertip under the handle from its free end, then lift it to the goal.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, approach: Vector3(-1, 0, 0))
    }
}
