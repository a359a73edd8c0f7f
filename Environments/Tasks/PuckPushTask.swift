/// A task about pushing a puck (radius 2 cm) along the table to a goal on the table (`push`,
/// `push-back`, `sweep`), configured by the success radius; the task states its ranges.
///
/// The defaults: the scene holds the puck and the goal; the reward is the pushing reward
/// (`2 reach + 6 H(reach, inPlace)` on the TCP-puck and puck-goal distances, 10 once the puck is within
/// `goalRadius` of the goal); the expert gets low behind the puck on the goal line with closed fingers,
/// then pushes it toward the goal.
protocol PuckPushTask: ManipulationTask {
    /// Success radius around the goal, metres.
    static var goalRadius: Double { get }
}

extension PuckPushTask {
    /// Puck and goal from the layout; margins: initial TCP-puck and puck-goal distances.
    public func makeScene(layout: Layout) -> Scene {
        LooseObject.scene(body: .puck(at: layout.object), goal: layout.goal)
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low behind the puck on the goal line, then push it toward the goal.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: 0.02 + Tabletop.fingerRadius)
    }
}
