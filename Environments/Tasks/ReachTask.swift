/// A task about bringing the fingertips to a goal point (`reach`, `reach-wall`), configured by the
/// success radius and the scene's fixed boxes; the task states its ranges and its expert.
///
/// The defaults: the scene holds a puck that plays no part, the goal and `boxes`, with `margins[0]` the
/// initial TCP-goal distance; the reward is `10 * tolerance(|TCP - goal|, [0, goalRadius], margin =
/// initial distance, long tail)`, 10 once the TCP is within `goalRadius` of the goal.
protocol ReachTask: ManipulationTask {
    /// Success radius around the goal, metres.
    static var goalRadius: Double { get }
    /// The scene's fixed boxes (walls).
    static var boxes: [SceneBox] { get }
}

extension ReachTask {
    /// Puck, goal and `boxes`; margin 0 is the initial TCP-goal distance.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Scene()
        scene.first = .puck(at: layout.object)
        scene.goal = layout.goal
        scene.boxes = Self.boxes
        scene.margins[0] = (scene.tcp - layout.goal).norm
        return scene
    }

    /// Reward from the TCP-goal distance; success within `goalRadius`.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let distance = (scene.tcp - scene.goal).norm
        if distance <= Self.goalRadius { return Evaluation(reward: 10, success: true) }
        let reward = 10 * Reward.tolerance(distance, upper: Self.goalRadius, margin: scene.margins[0])
        return Evaluation(reward: min(reward, 10), success: false)
    }
}
