/// `hammer`: drive a nail into a wall with a hammer (Meta-World `hammer-v3`).
///
/// The hammer lies on the table, its handle along y with the head 12 cm ahead of the grip (the observed
/// first position is the grip point). The nail sticks 12 cm out of a solid wall toward the robot; its head
/// is the second body, and it moves into the wall only when the held hammer's head strikes it from the
/// front. The goal is the nail head driven 9 cm in; the task is done when the nail is driven in more than
/// that. Reward in the Meta-World manner: `2 reach + closing`, plus `1 + 5 driven` while the hammer is held, 10
/// when solved.
public struct Hammer: ManipulationTask {
    /// How far the nail must be driven in.
    public static let drive = 0.09
    /// How far the nail sticks out of the wall at the start (its longest travel).
    public static let nailLength = 0.12
    /// Offset along y from the grip point to the front face of the hammer's head.
    public static let headFront = 0.14
    /// Half extents of the hammer's head across the nail (x and z) within which it strikes the nail.
    public static let strikeBand = 0.03
    /// Height of the nail.
    public static let nailHeight = 0.1

    /// The task with Meta-World's ranges.
    public init() {}

    /// `hammer`.
    public var name: String { "hammer" }
    /// What the task asks.
    public var summary: String { "Pick up a hammer and drive a nail into a wall with it." }
    /// Meta-World's criterion.
    public var successCriterion: String { "nail driven in more than 0.09" }
    /// Hammer grip at x in [-0.1, 0.1], y in [0.45, 0.5]; nail head at x in [-0.1, 0.1], y 0.7, z 0.1; the
    /// goal is the nail head 9 cm further in.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.45, 0.015), upper: Vector3(0.1, 0.5, 0.015)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.7 + Self.drive, Self.nailHeight), upper: Vector3(0.1, 0.7 + Self.drive, Self.nailHeight)))
    }

    /// Hammer on the table, the nail sticking out of the wall.
    public func makeScene(layout: Layout) -> Scene {
        let nail = layout.goal - Vector3(0, Self.drive, 0)
        let wallFront = nail.y + Self.nailLength
        let wall = SceneBox(lower: Vector3(nail.x - 0.25, wallFront, 0), upper: Vector3(nail.x + 0.25, wallFront + 0.05, 0.3))
        let hammer = Body(kind: .free, position: layout.object, lowerExtent: Vector3(-0.04, -0.08, -0.015), upperExtent: Vector3(0.04, Self.headFront, 0.015),
                          pushRadius: 0.02, gripOpening: 0.4, graspable: true)
        var scene = LooseObject.scene(body: hammer, goal: layout.goal, boxes: [wall], second: .fixturePoint(at: nail))
        scene.anchor = nail
        scene.margins[1] = Self.drive
        return scene
    }

    /// The held hammer's head drives the nail in when it strikes it from the front; a fully driven nail
    /// stops the hand.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        guard scene.held == .first else { return }
        let head = scene.first.position + Vector3(0, Self.headFront, 0)
        let previousHead = previousTCP + scene.heldOffset + Vector3(0, Self.headFront, 0)
        let nail = scene.second.position
        guard abs(head.x - nail.x) < Self.strikeBand, abs(head.z - nail.z) < Self.strikeBand else { return }
        let wanted = FaceContact.push(face: nail.y, tip: head.y, previousTip: previousHead.y, direction: 1, radius: 0)
        guard wanted > 0 else { return }
        let driven = min(scene.joint + wanted, Self.nailLength)
        scene.hand.y -= wanted - (driven - scene.joint)
        scene.carryHeldBody()
        scene.joint = driven
        scene.second.position.y = scene.anchor.y + driven
    }

    /// Reward from reaching, holding and the depth still to drive; success past the goal.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let missing = scene.goal.y - scene.second.position.y
        if missing < 0 { return Evaluation(reward: 10, success: true) }
        let evaluation = LooseObject.carryEvaluation(scene, distance: missing, goalRadius: 0)
        return Evaluation(reward: evaluation.reward, success: false)
    }

    /// Grasp the handle, lift the hammer to the nail's height with the head 4 cm in front of the nail,
    /// then strike through to just past the goal.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let grip = observation.firstPosition
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: observation.gripper, gripPoint: grip) {
            return picking
        }
        let nail = observation.secondPosition
        let offset = grip - tcp
        let head = grip + Vector3(0, Self.headFront, 0)
        let aligned = abs(grip.x - nail.x) < 0.005 && abs(grip.z - nail.z) < 0.005 && head.y < nail.y + 0.005
        if aligned {
            let strike = Vector3(nail.x, observation.goal.y + 0.015 - Self.headFront, nail.z) - offset
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: strike), grip: 1)
        }
        let ready = Vector3(nail.x, nail.y - 0.04 - Self.headFront, nail.z) - offset
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: ready, clearance: 0, tolerance: 0.004), grip: 1)
    }
}
