/// `stick-push`: push a thermos across the table with a stick (Meta-World `stick-push-v3`).
///
/// A 20 cm stick lies along y on the table (the observed first position is its middle, where the fingers
/// grasp it); a thermos (the second body, too big to grasp) stands further along. While held, the stick's
/// far end pushes the thermos along +y when it strikes the thermos from the front. The task is done when
/// the thermos is within 12 cm of the goal while the stick is held. Reward in the Meta-World manner: `2
/// reach`, plus `1 + 5 inPlace` while the stick is held, 10 when solved.
public struct StickPush: ManipulationTask {
    /// Success radius of the thermos around the goal, metres.
    public static let goalRadius = 0.12
    /// Offset along y from the stick's middle to its far end.
    public static let stickReach = 0.1
    /// The thermos's radius.
    public static let thermosRadius = 0.04
    /// Half the thermos's height (its centre's height).
    public static let thermosHalfHeight = 0.05
    /// Gripper opening of fingers closed on the stick.
    public static let stickGripOpening = 0.4

    /// The task with Meta-World's ranges.
    public init() {}

    /// `stick-push`.
    public var name: String { "stick-push" }
    /// What the task asks.
    public var summary: String { "Pick up a stick and push a thermos with it to a goal." }
    /// Meta-World's criterion.
    public var successCriterion: String { "thermos to goal <= 0.12 while the stick is held" }
    /// Stick middle at x in [-0.1, 0.1], y in [0.5, 0.55]; thermos at x in [-0.05, 0.05], y 0.75; the goal
    /// is 20 cm beyond the thermos.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.5, 0.01), upper: Vector3(0.1, 0.55, 0.01)),
                    goal: PositionRange(lower: Vector3(-0.05, 0.95, Self.thermosHalfHeight), upper: Vector3(0.05, 0.95, Self.thermosHalfHeight)))
    }

    /// The thermos stands 20 cm in front of the goal.
    static func thermosStart(goal: Vector3) -> Vector3 { goal - Vector3(0, 0.2, 0) }

    /// Stick and thermos on the table.
    public func makeScene(layout: Layout) -> Scene {
        let stick = Body(kind: .free, position: layout.object, lowerExtent: Vector3(-0.01, -Self.stickReach, -0.01), upperExtent: Vector3(0.01, Self.stickReach, 0.01),
                         pushRadius: 0.015, gripOpening: Self.stickGripOpening, graspable: true)
        let thermos = LooseObject.cylinder(at: Self.thermosStart(goal: layout.goal), radius: Self.thermosRadius, halfHeight: Self.thermosHalfHeight, graspable: false)
        var scene = LooseObject.scene(body: stick, goal: layout.goal, second: thermos)
        scene.margins[1] = (thermos.position - layout.goal).norm
        return scene
    }

    /// The held stick's end pushes the thermos along +y.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        guard scene.held == .first else { return }
        let end = scene.first.position + Vector3(0, Self.stickReach, 0)
        let previousEnd = previousTCP + scene.heldOffset + Vector3(0, Self.stickReach, 0)
        let thermos = scene.second.position
        guard abs(end.x - thermos.x) < Self.thermosRadius, abs(end.z - thermos.z) < Self.thermosHalfHeight else { return }
        let wanted = FaceContact.push(face: thermos.y - Self.thermosRadius, tip: end.y, previousTip: previousEnd.y, direction: 1, radius: 0)
        if wanted > 0 { scene.second.position.y += wanted }
    }

    /// Reward from reaching, holding and the thermos-goal distance; success needs the stick held.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let distance = (scene.second.position - scene.goal).norm
        if distance <= Self.goalRadius && scene.held == .first { return Evaluation(reward: 10, success: true) }
        let evaluation = LooseObject.carryEvaluation(scene, distance: distance, goalRadius: 0)
        return Evaluation(reward: evaluation.reward, success: false)
    }

    /// Grasp the stick's middle, lift it to the thermos's height in line behind it, then push through.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let stick = observation.firstPosition
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: observation.gripper, gripPoint: stick) {
            return picking
        }
        let thermos = observation.secondPosition
        let offset = stick - tcp
        let end = stick.y + Self.stickReach
        let aligned = abs(stick.x - thermos.x) < 0.005 && abs(stick.z - thermos.z) < 0.005 && end < thermos.y - Self.thermosRadius + 0.005
        if aligned {
            let push = Vector3(thermos.x, observation.goal.y - Self.thermosRadius - Self.stickReach, thermos.z) - offset
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: push), grip: 1)
        }
        let ready = Vector3(thermos.x, thermos.y - Self.thermosRadius - 0.03 - Self.stickReach, thermos.z) - offset
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: ready, clearance: 0, tolerance: 0.004), grip: 1)
    }
}
