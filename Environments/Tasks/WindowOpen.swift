/// `window-open`: slide a window open by pushing its handle sideways (Meta-World `window-open-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's x offset from the
/// goal, 10 when solved.
public struct WindowOpen: ManipulationTask {
    /// Success when the handle's x is within this distance of the goal's x.
    public static let goalTolerance = 0.05
    /// How far the window slides open, metres.
    public static let travel = 0.2

    /// The task with Meta-World's ranges.
    public init() {}

    /// `window-open`.
    public var name: String { "window-open" }
    /// What the task asks.
    public var summary: String { "Push a closed sliding window's handle 20 cm to the right to open it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle x within 0.05 of goal x" }
    /// Handle at x in [-0.1, 0.1], y in [0.7, 0.9], z 0.16; the goal is 20 cm to its right.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.7, 0.16), upper: Vector3(0.1, 0.9, 0.16)),
                    goal: PositionRange(lower: Vector3(0.1, 0.7, 0.16), upper: Vector3(0.3, 0.9, 0.16)))
    }

    /// The goal is the handle moved 20 cm along +x.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let handle = resetRanges.object.sample(using: &generator)
        return Layout(object: handle, goal: handle + Vector3(Self.travel, 0, 0))
    }

    /// A closed window that can slide 20 cm to the right.
    public func makeScene(layout: Layout) -> Scene {
        WindowMechanism.scene(handle: layout.object, goal: layout.goal, lower: 0, upper: Self.travel)
    }

    /// Window dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        WindowMechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle's x offset.
    public func evaluate(_ scene: Scene) -> Evaluation {
        WindowMechanism.evaluate(scene, goalTolerance: Self.goalTolerance)
    }

    /// Come down left of the handle and push it right.
    public func expertAction(for observation: Observation) -> Action {
        WindowMechanism.expertAction(for: observation)
    }
}
