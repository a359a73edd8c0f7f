/// A task about carrying a puck over a wall across the table at y 0.73...0.75 (`pick-place-wall`,
/// `push-wall`), configured by the wall's height and the success radius; the task states its ranges.
///
/// The defaults: the scene holds the puck, the goal and the wall; the reward is the carrying reward
/// (`2 reach + closing`, plus `1 + 5 inPlace` while the puck is held, 10 once it is within `goalRadius` of the
/// goal); the expert picks the puck, lifts it 6 cm above the wall's top and brings it to the goal.
protocol WallCarryTask: ManipulationTask {
    /// Success radius around the goal, metres.
    static var goalRadius: Double { get }
    /// Height of the wall's top.
    static var wallTop: Double { get }
}

extension WallCarryTask {
    /// Puck, goal and the wall at y 0.73..0.75.
    public func makeScene(layout: Layout) -> Scene {
        LooseObject.scene(body: .puck(at: layout.object), goal: layout.goal,
                          boxes: [SceneBox(lower: Vector3(-0.15, 0.73, 0), upper: Vector3(0.15, 0.75, Self.wallTop))])
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Pick the puck, lift it over the wall and bring it to the goal.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: observation.firstPosition,
                          object: observation.firstPosition, goal: observation.goal, travelHeight: Self.wallTop + 0.06)
    }
}
