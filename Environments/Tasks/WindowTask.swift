/// A sliding-window task (`window-open`, `window-close`): push the window's handle sideways by `slide`
/// metres along x; the task states its ranges.
///
/// The defaults: the goal is the handle moved by `slide`; the window can slide between its start and
/// the goal; the reward and success are the window's (`2 reach + 6 H(reach, inPlace)` on the TCP-handle
/// distance and the handle's x offset from the goal, 10 once within `goalTolerance`); the expert comes
/// down beside the handle and pushes it toward the goal.
protocol WindowTask: ManipulationTask {
    /// Success when the handle's x is within this distance of the goal's x.
    static var goalTolerance: Double { get }
    /// How far the window slides from its start to the goal along x, metres (negative: to the left).
    static var slide: Double { get }
}

extension WindowTask {
    /// The goal is the handle moved by `slide` along x.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let handle = resetRanges.object.sample(using: &generator)
        return Layout(object: handle, goal: handle + Vector3(Self.slide, 0, 0))
    }

    /// A window that can slide from its start to the goal.
    public func makeScene(layout: Layout) -> Scene {
        WindowMechanism.scene(handle: layout.object, goal: layout.goal, lower: min(0, Self.slide), upper: max(0, Self.slide))
    }

    /// Window dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        WindowMechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle's x offset.
    public func evaluate(_ scene: Scene) -> Evaluation {
        WindowMechanism.evaluate(scene, goalTolerance: Self.goalTolerance)
    }

    /// Come down beside the handle, on its far side from the goal, and push it there.
    public func expertAction(for observation: Observation) -> Action {
        WindowMechanism.expertAction(for: observation)
    }
}
