/// `window-close`: slide an open window shut by pushing its handle sideways (Meta-World `window-close-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's x offset from the
/// goal, 10 when solved.
public struct WindowClose: ManipulationTask {
    /// Success when the handle's x is within this distance of the goal's x.
    public static let goalTolerance = 0.05
    /// How far the window slides shut, metres.
    public static let travel = 0.2

    /// The task with Meta-World's ranges.
    public init() {}

    /// `window-close`.
    public var name: String { "window-close" }
    /// What the task asks.
    public var summary: String { "Push an open sliding window's handle 20 cm to the left to close it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle x within 0.05 of goal x" }
    /// Handle at x in [0, 0.2], y in [0.75, 0.9], z 0.2; the goal is 20 cm to its left.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.75, 0.2), upper: Vector3(0.2, 0.9, 0.2)),
                    goal: PositionRange(lower: Vector3(-0.2, 0.75, 0.2), upper: Vector3(0, 0.9, 0.2)))
    }

    /// The goal is the handle moved 20 cm along -x.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let handle = resetRanges.object.sample(using: &generator)
        return Layout(object: handle, goal: handle - Vector3(Self.travel, 0, 0))
    }

    /// An open window that can slide 20 cm to the left.
    public func makeScene(layout: Layout) -> Scene {
        WindowMechanism.scene(handle: layout.object, goal: layout.goal, lower: -Self.travel, upper: 0)
    }

    /// Window dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        WindowMechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle's x offset.
    public func evaluate(_ scene: Scene) -> Evaluation {
        WindowMechanism.evaluate(scene, goalTolerance: Self.goalTolerance)
    }

    /// Come down right of the handle and push it left.
    public func expertAction(for observation: Observation) -> Action {
        WindowMechanism.expertAction(for: observation)
    }
}
