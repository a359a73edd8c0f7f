/// `peg-unplug-side`: pull a peg sideways out of the hole it is plugged into (Meta-World
/// `peg-unplug-side-v3`).
///
/// The peg is a 20 cm bar along x whose head (the observed point, its -x end) sits 10 cm deep in a
/// block's tunnel (7 cm square, four solid walls); its other half sticks out to the right, where the
/// fingers grasp it 15 cm from the head. The goal is the head pulled 15 cm out along +x. Reward in the
/// Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while held, 10 once the head is within 7 cm of the
/// goal.
public struct PegUnplugSide: ManipulationTask {
    /// Success radius of the head around the goal, metres.
    public static let goalRadius = 0.07
    /// Length of the peg along x.
    public static let pegLength = 0.2
    /// Half thickness of the peg.
    public static let pegHalfThickness = 0.015
    /// Half size of the square hole.
    public static let holeHalfSize = 0.035
    /// Height of the peg's axis.
    public static let pegHeight = 0.1
    /// Offset from the head to the point the fingers grasp.
    public static let gripOffset = Vector3(0.15, 0, 0)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `peg-unplug-side`.
    public var name: String { "peg-unplug-side" }
    /// What the task asks.
    public var summary: String { "Grasp a peg plugged into the side of a block and pull it out." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from peg head to goal <= 0.07" }
    /// Head at x in [-0.25, -0.15], y in [0.6, 0.75], z 0.1; the goal is 15 cm further along +x.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.25, 0.6, Self.pegHeight), upper: Vector3(-0.15, 0.75, Self.pegHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.6, Self.pegHeight), upper: Vector3(0, 0.75, Self.pegHeight)))
    }

    /// The goal is the head pulled 15 cm along +x.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let head = resetRanges.object.sample(using: &generator)
        return Layout(object: head, goal: head + Vector3(0.15, 0, 0))
    }

    /// The block around the hole and the peg resting on the hole's floor.
    public func makeScene(layout: Layout) -> Scene {
        let p = layout.object
        let t = Self.pegHalfThickness
        let h = Self.holeHalfSize
        let floor = p.z - t
        let centreZ = floor + h
        let x0 = p.x - 0.02
        let x1 = p.x + 0.08
        let boxes = [
            SceneBox(lower: Vector3(x0, p.y - 0.1, 0), upper: Vector3(x1, p.y + 0.1, floor)),
            SceneBox(lower: Vector3(x0, p.y - 0.1, centreZ + h), upper: Vector3(x1, p.y + 0.1, centreZ + h + 0.06)),
            SceneBox(lower: Vector3(x0, p.y - 0.1, floor), upper: Vector3(x1, p.y - h, centreZ + h)),
            SceneBox(lower: Vector3(x0, p.y + h, floor), upper: Vector3(x1, p.y + 0.1, centreZ + h)),
        ]
        let peg = Body(kind: .free, position: p, lowerExtent: Vector3(0, -t, -t), upperExtent: Vector3(Self.pegLength, t, t),
                       pushRadius: 0.02, gripOffset: Self.gripOffset, gripOpening: 0.35, graspable: true)
        return LooseObject.scene(body: peg, goal: layout.goal, boxes: boxes)
    }

    /// Reward and success from the head-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Grasp the part sticking out, then pull straight out along +x.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let head = observation.firstPosition
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: observation.gripper, gripPoint: head + Self.gripOffset) {
            return picking
        }
        let target = observation.goal + Vector3(0.02, 0, 0) - (head - tcp)
        return ExpertMotion.action(ExpertMotion.move(from: tcp, to: target), grip: 1)
    }
}
