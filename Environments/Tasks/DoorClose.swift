/// `door-close`: push an open door shut (Meta-World `door-close-v3`).
///
/// The door, hinge, wall and handle dynamics are those of `door-open`; the door starts open at 90
/// degrees and the goal is the handle's closed position. Reward: `2 reach + 7 closed`, `closed` shaping
/// the door angle with a step once it has turned 2 degrees (as `door-open`); 10 once the handle is
/// within 8 cm of the goal.
public struct DoorClose: ManipulationTask {
    /// Success radius of the handle around the goal, metres.
    public static let goalRadius = 0.08
    /// Opening angle the door starts at, radians.
    public static let startAngle = Double.pi / 2
    /// The door whose dynamics this task shares.
    static let door = DoorOpen()

    /// The task with Meta-World's ranges.
    public init() {}

    /// `door-close`.
    public var name: String { "door-close" }
    /// What the task asks.
    public var summary: String { "Push an open door's handle around its hinge until the door is shut." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle to goal <= 0.08" }
    /// Handle of the open door near (-0.27..-0.17, 0.39..0.49, 0.15); the goal is the closed handle near
    /// (0.2..0.3, 0.64..0.74, 0.15).
    public var resetRanges: ResetRanges {
        let closed = Self.door.resetRanges.object
        let offset = Self.openOffset
        return ResetRanges(object: PositionRange(lower: closed.lower + offset, upper: closed.upper + offset), goal: closed)
    }

    /// Offset from the closed handle to the handle of the door open at `startAngle`.
    static var openOffset: Vector3 {
        DoorOpen.armDirection(angle: startAngle) * DoorOpen.armLength - DoorOpen.closedArm
    }

    /// The goal is the closed handle; the handle starts with the door open at 90 degrees.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let closed = Self.door.resetRanges.object.sample(using: &generator)
        return Layout(object: closed + Self.openOffset, goal: closed)
    }

    /// The door of `door-open`, swung open to 90 degrees.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Self.door.makeScene(layout: Layout(object: layout.goal, goal: layout.goal))
        scene.joint = Self.startAngle
        scene.first.position = layout.object
        scene.first.orientation = DoorOpen.orientation(angle: Self.startAngle)
        scene.goal = layout.goal
        scene.margins[0] = (scene.tcp - layout.object).norm
        scene.margins[1] = (layout.object - layout.goal).norm
        return scene
    }

    /// Door dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.door.applyDynamics(to: &scene, previousTCP: previousTCP)
    }

    /// Reward `2 reach + 7 closed`: `reach` the `Reward.pointReach` of the TCP's distance to where the
    /// fingers hold the handle on the side it is pushed shut from (`DoorOpen.openingSideTouch`), `closed`
    /// shaping the door angle, not gated by reach; 10 once the handle is within 8 cm of its closed
    /// position.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let handle = scene.first.position
        let distance = (handle - scene.goal).norm
        if distance <= Self.goalRadius { return Evaluation(reward: 10, success: true) }
        let touch = DoorOpen.openingSideTouch(handle: handle, angle: scene.joint)
        let reach = Reward.pointReach((scene.tcp - touch).norm, margin: max(scene.margins[0], 1e-3))
        return Evaluation(reward: 2 * reach + 7 * Self.closed(angle: scene.joint), success: false)
    }

    /// Angle within which the closing term is full (0.2 rad: where success begins).
    public static let closedBound = 0.2

    /// How shut the door is, in [0, 1], mirroring `DoorOpen.opened`: 0.2 once it has turned 2 degrees
    /// from its open start, plus 0.8 times a long-tail tolerance on the angle still to close (margin 90
    /// degrees).
    public static func closed(angle: Double) -> Double {
        let started = angle < startAngle - DoorOpen.firstStepAngle ? 0.2 : 0
        return started + 0.8 * Reward.tolerance(angle, upper: closedBound, margin: .pi / 2)
    }

    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let handle = observation.firstPosition
        let (arm, tangent, hinge) = DoorOpen.observedArm(observation)
        let behind = handle + tangent * 0.035
        let along = (Vector3(tcp.x - handle.x, tcp.y - handle.y, 0) * tangent).sum()
        let radialOffset = Vector3(tcp.x - hinge.x, tcp.y - hinge.y, 0).norm - DoorOpen.armLength
        let ready = along < 0.05 && along > 0.012 && abs(radialOffset) < 0.02 && abs(tcp.z - handle.z) < 0.02
        if !ready {
            return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: behind, clearance: 0.08), grip: 1)
        }
        let (s, c) = ScalarMath.sinCos(0.12)
        let ahead = Vector3(arm.x * c - arm.y * s, arm.x * s + arm.y * c, 0)
        let target = hinge + ahead * DoorOpen.armLength + Vector3(ahead.y, -ahead.x, 0) * 0.02
        return ExpertMotion.action(ExpertMotion.moveStraight(from: tcp, to: Vector3(target.x, target.y, handle.z)), grip: 1)
    }
}
