/// A task on the `DrawerMechanism` drawer (`drawer-open`, `drawer-close`): bring the handle to `goalY`.
/// The task states its ranges, its initial drawer and its expert.
///
/// The defaults: the goal is the handle moved to `goalY`; the drawer slides by the mechanism's dynamics;
/// the reward and success are the mechanism's (`2 reach + 6 H(reach, inPlace)` on the TCP's distance to
/// the task's `reachTarget` and the handle-goal distance, 10 once the handle is within `goalRadius` of
/// the goal).
protocol DrawerTask: ManipulationTask {
    /// Success radius of the handle around the goal, metres.
    static var goalRadius: Double { get }
    /// The handle's y at the goal.
    static var goalY: Double { get }
    /// Distance from `reachTarget` within which the reach term is full.
    static var reachBound: Double { get }
    /// The point the reach term pays for, for the handle at `handle`.
    static func reachTarget(handle: Vector3) -> Vector3
}

extension DrawerTask {
    /// The goal is the handle moved to `goalY`.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let handle = resetRanges.object.sample(using: &generator)
        return Layout(object: handle, goal: Vector3(handle.x, Self.goalY, handle.z))
    }

    /// Drawer dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        DrawerMechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        DrawerMechanism.evaluate(scene, goalRadius: Self.goalRadius, reachTarget: Self.reachTarget(handle: scene.first.position), reachBound: Self.reachBound)
    }
}
