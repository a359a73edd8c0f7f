/// `stick-pull`: hook a thermos's handle with a stick and pull the thermos back (Meta-World
/// `stick-pull-v3`).
///
/// A 20 cm stick lies along x on the table (the observed first position is its middle, where the fingers
/// grasp it). A thermos stands further away with a loop handle on its front; the observed second position
/// is the handle. The stick's right end is inserted when it lies inside the loop (within 3 cm along x,
/// 1.2 cm along y and 1.5 cm in height of the handle); while it is, the handle follows the end's motion
/// along y. The task is done when the handle is within 12 cm of the goal while the end is inserted.
/// Reward in the Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while the stick is held, 10 when
/// solved.
public struct StickPull: ManipulationTask {
    /// Success radius of the handle around the goal, metres.
    public static let goalRadius = 0.12
    /// Offset along x from the stick's middle to its right end.
    public static let stickReach = 0.1
    /// Half extents of the loop: the end is inserted within these distances of the handle.
    public static let loop = Vector3(0.03, 0.012, 0.015)
    /// Height of the handle.
    public static let handleHeight = 0.07

    /// The task with Meta-World's ranges.
    public init() {}

    /// `stick-pull`.
    public var name: String { "stick-pull" }
    /// What the task asks.
    public var summary: String { "Pick up a stick, hook a thermos's handle with it and pull the thermos back." }
    /// Meta-World's criterion.
    public var successCriterion: String { "thermos handle to goal <= 0.12 while the stick end is inserted in the handle" }
    /// Stick middle at x in [-0.3, -0.2], y in [0.55, 0.6]; handle at x in [0, 0.1], y in [0.75, 0.8], z
    /// 0.07; the goal is the handle pulled 20 cm toward the robot.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.3, 0.55, 0.01), upper: Vector3(-0.2, 0.6, 0.01)),
                    goal: PositionRange(lower: Vector3(0, 0.55, Self.handleHeight), upper: Vector3(0.1, 0.6, Self.handleHeight)))
    }

    /// The handle starts 20 cm beyond the goal.
    static func handleStart(goal: Vector3) -> Vector3 { goal + Vector3(0, 0.2, 0) }

    /// Whether the stick's end at `end` lies inside the loop of the handle at `handle`.
    public static func inserted(end: Vector3, handle: Vector3) -> Bool {
        abs(end.x - handle.x) < loop.x && abs(end.y - handle.y) < loop.y && abs(end.z - handle.z) < loop.z
    }

    /// Stick and thermos on the table.
    public func makeScene(layout: Layout) -> Scene {
        let stick = Body(kind: .free, position: layout.object, lowerExtent: Vector3(-Self.stickReach, -0.01, -0.01), upperExtent: Vector3(Self.stickReach, 0.01, 0.01),
                         pushRadius: 0.015, gripOpening: 0.4, graspable: true)
        let handle = Self.handleStart(goal: layout.goal)
        let thermos = Body(kind: .free, position: handle, lowerExtent: Vector3(-0.04, -0.015, -Self.handleHeight), upperExtent: Vector3(0.04, 0.09, 0.05),
                           pushRadius: 0.015, graspable: false)
        var scene = LooseObject.scene(body: stick, goal: layout.goal, second: thermos)
        scene.margins[1] = (handle - layout.goal).norm
        return scene
    }

    /// While the held stick's end is in the loop, the handle follows the end along y.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        guard scene.held == .first else { return }
        let end = scene.first.position + Vector3(Self.stickReach, 0, 0)
        let previousEnd = previousTCP + scene.heldOffset + Vector3(Self.stickReach, 0, 0)
        guard Self.inserted(end: previousEnd, handle: scene.second.position) else { return }
        scene.second.position.y += end.y - previousEnd.y
    }

    /// Reward from reaching, holding and the handle-goal distance; success needs the end in the loop.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let handle = scene.second.position
        let distance = (handle - scene.goal).norm
        let end = scene.first.position + Vector3(Self.stickReach, 0, 0)
        if distance <= Self.goalRadius && Self.inserted(end: end, handle: handle) { return Evaluation(reward: 10, success: true) }
        let evaluation = LooseObject.carryEvaluation(scene, distance: distance, goalRadius: 0)
        return Evaluation(reward: evaluation.reward, success: false)
    }

    /// Grasp the stick's middle, bring it level with the handle to its left, slide the end into the loop,
    /// then pull back toward the goal.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let stick = observation.firstPosition
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: observation.gripper, gripPoint: stick) {
            return picking
        }
        let handle = observation.secondPosition
        let offset = stick - tcp
        let end = stick + Vector3(Self.stickReach, 0, 0)
        if Self.inserted(end: end, handle: handle) && abs(end.x - handle.x) < 0.01 {
            let pull = Vector3(handle.x - Self.stickReach, observation.goal.y - 0.02, handle.z) - offset
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: pull), grip: 1)
        }
        let level = abs(stick.y - handle.y) < 0.004 && abs(stick.z - handle.z) < 0.004 && end.x < handle.x + 0.01
        if level {
            let insert = Vector3(handle.x - Self.stickReach, handle.y, handle.z) - offset
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: insert), grip: 1)
        }
        let ready = Vector3(handle.x - Self.stickReach - 0.05, handle.y, handle.z) - offset
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: ready, clearance: 0, tolerance: 0.004), grip: 1)
    }
}
