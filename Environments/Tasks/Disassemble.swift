/// `disassemble`: lift a nut off the peg it sits on (Meta-World `disassemble-v3`).
///
/// The nut's ring sits around the foot of a 14 cm peg (drawn, the ring slides along it freely); the goal
/// is 3 cm above the peg's top, and the task is done once the nut is higher than the goal. Reward in the
/// Meta-World manner: `2 reach + closing`, plus `1 + 5 lifted` while the nut is held (a tolerance on the height
/// still missing), 10 when solved.
public struct Disassemble: ManipulationTask {
    /// Height of the peg's top.
    public static let pegTop = 0.14

    /// The task with Meta-World's ranges.
    public init() {}

    /// `disassemble`.
    public var name: String { "disassemble" }
    /// What the task asks.
    public var summary: String { "Grasp a nut by its handle and lift it off its peg." }
    /// Meta-World's criterion.
    public var successCriterion: String { "nut height above goal height" }
    /// Nut (and peg) at x in [0, 0.1], y in [0.6, 0.75]; the goal is above the peg, at z 0.17.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.6, RoundNut.halfHeight), upper: Vector3(0.1, 0.75, RoundNut.halfHeight)),
                    goal: PositionRange(lower: Vector3(0, 0.6, Self.pegTop + 0.03), upper: Vector3(0.1, 0.75, Self.pegTop + 0.03)))
    }

    /// The goal is straight above the peg.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let nut = resetRanges.object.sample(using: &generator)
        return Layout(object: nut, goal: Vector3(nut.x, nut.y, Self.pegTop + 0.03))
    }

    /// The nut around the foot of the peg.
    public func makeScene(layout: Layout) -> Scene {
        let n = layout.object
        let peg = SceneBox(lower: Vector3(n.x - 0.012, n.y - 0.012, 0), upper: Vector3(n.x + 0.012, n.y + 0.012, Self.pegTop), role: .region)
        var scene = LooseObject.scene(body: RoundNut.body(at: n), goal: layout.goal, boxes: [peg])
        scene.margins[1] = layout.goal.z - n.z
        return scene
    }

    /// Success once the nut is above the goal; the reward's place term is on the height still missing.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let missing = scene.goal.z - scene.first.position.z
        if missing < 0 { return Evaluation(reward: 10, success: true) }
        let evaluation = LooseObject.carryEvaluation(scene, distance: missing, goalRadius: 0)
        return Evaluation(reward: evaluation.reward, success: false)
    }

    /// Grasp the handle and lift the nut straight up past the goal.
    public func expertAction(for observation: Observation) -> Action {
        let nut = observation.firstPosition
        let goal = Vector3(nut.x, nut.y, observation.goal.z + 0.03)
        return LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: nut + RoundNut.gripOffset,
                                 object: nut, goal: goal, travelHeight: goal.z)
    }
}
