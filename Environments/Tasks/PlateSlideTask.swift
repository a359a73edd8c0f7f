/// The four `plate-slide` tasks: push a flat plate (radius 4.5 cm, 2 cm thick) along the table to a
/// goal, with a hockey net drawn around the goal that blocks nothing. They differ only in their ranges.
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-plate and plate-goal distances, 10 once the plate
/// is within `goalRadius` of the goal. Expert: get low on the plate's far side from the goal and push it there.
protocol PlateSlideTask: ManipulationTask {}

extension PlateSlideTask {
    /// Success radius around the goal, metres.
    static var goalRadius: Double { 0.07 }
    /// The plate's radius.
    static var radius: Double { 0.045 }
    /// Half the plate's thickness (its centre's height).
    static var halfHeight: Double { 0.01 }

    /// Plate, goal and the net drawn around the goal.
    public func makeScene(layout: Layout) -> Scene {
        let g = layout.goal
        let plate = LooseObject.cylinder(at: layout.object, radius: Self.radius, halfHeight: Self.halfHeight)
        return LooseObject.scene(body: plate, goal: g,
                                 boxes: [SceneBox(lower: Vector3(g.x - 0.08, g.y - 0.06, 0), upper: Vector3(g.x + 0.08, g.y + 0.06, 0.08), role: .region)])
    }

    /// Reward and success from the plate-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.pushEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Get low behind the plate, on its far side from the goal, and push it to the goal.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.push(tcp: observation.tcp, object: observation.firstPosition, target: observation.goal, contact: Self.radius + Tabletop.fingerRadius)
    }
}
