/// `peg-insert-side`: pick up a peg lying on the table and push it sideways into a hole in a block
/// (Meta-World `peg-insert-side-v3`).
///
/// The peg is a 20 cm bar along x; the observation reports its head (its -x end) and the fingers hold
/// it at its middle. The block's tunnel (7 cm square, along x, centred on the goal's y and z) is made of
/// four solid walls, so only a peg aligned with the hole goes in. Reward in the Meta-World manner:
/// `2 reach + closing`, plus `1 + 5 inPlace` while held, 10 when solved.
public struct PegInsertSide: ManipulationTask {
    /// Success threshold on `|(head - goal) * (1, 2, 2)|`.
    public static let goalRadius = 0.07
    /// Length of the peg along x.
    public static let pegLength = 0.2
    /// Half thickness of the peg.
    public static let pegHalfThickness = 0.015
    /// Half size of the square hole.
    public static let holeHalfSize = 0.035

    /// The task with Meta-World's ranges.
    public init() {}

    /// `peg-insert-side`.
    public var name: String { "peg-insert-side" }
    /// What the task asks.
    public var summary: String { "Pick up a peg and insert it sideways into the hole of a block." }
    /// Meta-World's criterion.
    public var successCriterion: String { "norm of ((peg head - goal) * [1, 2, 2]) <= 0.07" }
    /// Peg head at x in [0, 0.2], y in [0.5, 0.7] on the table; hole at x in [-0.35, -0.25], y in [0.4, 0.7], z 0.13.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0, 0.5, Self.pegHalfThickness), upper: Vector3(0.2, 0.7, Self.pegHalfThickness)),
                    goal: PositionRange(lower: Vector3(-0.35, 0.4, 0.13), upper: Vector3(-0.25, 0.7, 0.13)))
    }

    /// Peg on the table and the holed block around the goal.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Scene()
        let t = Self.pegHalfThickness
        scene.first = Body(kind: .free, position: layout.object, lowerExtent: Vector3(0, -t, -t), upperExtent: Vector3(Self.pegLength, t, t),
                           pushRadius: 0.02, gripOffset: Vector3(Self.pegLength / 2, 0, 0), gripOpening: 0.35, graspable: true)
        scene.goal = layout.goal
        let g = layout.goal
        let h = Self.holeHalfSize
        let x0 = g.x - 0.1
        let x1 = g.x + 0.03
        scene.boxes = [
            SceneBox(lower: Vector3(x0, g.y - 0.1, 0), upper: Vector3(x1, g.y + 0.1, g.z - h)),
            SceneBox(lower: Vector3(x0, g.y - 0.1, g.z + h), upper: Vector3(x1, g.y + 0.1, g.z + h + 0.08)),
            SceneBox(lower: Vector3(x0, g.y - 0.1, g.z - h), upper: Vector3(x1, g.y - h, g.z + h)),
            SceneBox(lower: Vector3(x0, g.y + h, g.z - h), upper: Vector3(x1, g.y + 0.1, g.z + h)),
        ]
        scene.margins[0] = (scene.tcp - scene.first.gripPoint).norm
        scene.margins[1] = Self.scaledDistance(layout.object, g)
        return scene
    }

    /// `|(head - goal) * (1, 2, 2)|`, Meta-World's weighting that asks for alignment with the hole.
    public static func scaledDistance(_ head: Vector3, _ goal: Vector3) -> Double {
        ((head - goal) * Vector3(1, 2, 2)).norm
    }

    /// Reward `2 reach + closing` (`LooseObject.closingReward`), plus `1 + 5 inPlace` on the weighted
    /// head-goal distance while held.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let head = scene.first.position
        let distance = Self.scaledDistance(head, scene.goal)
        if distance <= Self.goalRadius { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - scene.first.gripPoint).norm, upper: 0.02, margin: scene.margins[0])
        var reward = 2 * reach + LooseObject.closingReward(scene)
        if scene.held == .first {
            reward += 1 + 5 * Reward.tolerance(distance, upper: Self.goalRadius, margin: scene.margins[1])
        }
        return Evaluation(reward: reward, success: false)
    }

    /// Grasp the peg's middle, line it up with the hole 12 cm out, then slide it in.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let head = observation.firstPosition
        let goal = observation.goal
        let grip = head + Vector3(Self.pegLength / 2, 0, 0)
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: observation.gripper, gripPoint: grip) {
            return picking
        }
        let aligned = abs(tcp.y - goal.y) < 0.004 && abs(tcp.z - goal.z) < 0.004
        if !aligned && head.x > goal.x + 0.06 {
            let lineUp = Vector3(max(goal.x + Self.pegLength / 2 + 0.12, min(tcp.x, goal.x + 0.5)), goal.y, goal.z)
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: lineUp), grip: 1)
        }
        let insert = Vector3(goal.x + Self.pegLength / 2 - 0.03, goal.y, goal.z)
        return ExpertMotion.action(ExpertMotion.move(from: tcp, to: insert), grip: 1)
    }
}
