/// A task on the `DrawerMechanism` drawer (`drawer-open`, `drawer-close`): bring the handle to `goalY`.
/// The task states its ranges, its initial drawer and its expert.
///
/// The defaults: the goal is the handle moved to `goalY`; the drawer slides by the mechanism's dynamics;
/// the reward and success are the mechanism's (`2 reach + 6 H(reach, inPlace)` with the task's `reach`
/// and the handle-goal distance, 10 once the handle is within `goalRadius` of the goal).
protocol DrawerTask: ManipulationTask {
    /// Success radius of the handle around the goal, metres.
    static var goalRadius: Double { get }
    /// The handle's y at the goal.
    static var goalY: Double { get }
    /// The reach term of the reward, in [0, 1], for `scene`.
    static func reach(_ scene: Scene) -> Double
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
        DrawerMechanism.evaluate(scene, goalRadius: Self.goalRadius, reach: Self.reach(scene))
    }
}
