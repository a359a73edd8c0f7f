/// The sliding window shared by `window-open` and `window-close`: a sash that slides along x in a solid
/// frame, with a vertical handle bar sticking out toward the robot.
///
/// The scene's `anchor` is the handle's starting position and `joint` the sash's travel from it, kept in
/// [`lower`, `upper`] (stored in `margins[2]` and `margins[3]`). The fingertip pushes the handle bar from
/// either side; the frame stops the hand at the travel limits.
enum WindowMechanism {
    /// Half thickness of the handle bar along x.
    static let barHalfThickness = 0.008
    /// Half height of the handle bar.
    static let barHalfHeight = 0.05
    /// Distance from the handle to the frame behind it.
    static let frameOffset = 0.02

    /// A window whose handle starts at `handle` and may travel in [`lower`, `upper`] along x.
    static func scene(handle: Vector3, goal: Vector3, lower: Double, upper: Double) -> Scene {
        var scene = Scene()
        scene.anchor = handle
        scene.joint = 0
        scene.first = .fixturePoint(at: handle)
        scene.goal = goal
        let left = handle.x + lower - 0.2
        let right = handle.x + upper + 0.2
        scene.boxes = [
            SceneBox(lower: Vector3(left, handle.y + frameOffset, 0), upper: Vector3(right, handle.y + frameOffset + 0.03, 0.35)),
            SceneBox(lower: Vector3(handle.x - 0.2, handle.y + 0.005, 0.02), upper: Vector3(handle.x, handle.y + frameOffset, 0.3), role: .region),
        ]
        scene.margins[0] = (scene.tcp - handle).norm
        scene.margins[1] = abs(handle.x - goal.x)
        scene.margins[2] = lower
        scene.margins[3] = upper
        return scene
    }

    /// Slides the sash by the fingertip's pushes on the handle bar.
    static func apply(to scene: inout Scene, previousTCP: Vector3) {
        let tip = scene.tcp
        let handle = scene.first.position
        guard abs(tip.y - handle.y) < 0.02, abs(tip.z - handle.z) < barHalfHeight else { return }
        let radius = Tabletop.fingerRadius
        let wanted = FaceContact.straddle(centre: handle.x, halfThickness: barHalfThickness, tip: tip.x, previousTip: previousTCP.x, radius: radius)
        guard wanted != 0 else { return }
        let travel = clamp(scene.joint + wanted, scene.margins[2], scene.margins[3])
        let moved = travel - scene.joint
        scene.hand.x -= wanted - moved
        scene.joint = travel
        scene.first.position.x = scene.anchor.x + travel
        scene.boxes[1].lower.x = scene.first.position.x - 0.2
        scene.boxes[1].upper.x = scene.first.position.x
    }

    /// Reward `2 reach + 6 H(reach, inPlace)` on the TCP-handle distance and the handle's x offset, 10 on success.
    static func evaluate(_ scene: Scene, goalTolerance: Double) -> Evaluation {
        let handle = scene.first.position
        let offset = abs(handle.x - scene.goal.x)
        if offset <= goalTolerance { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - handle).norm, upper: 0.03, margin: scene.margins[0])
        let inPlace = Reward.tolerance(offset, upper: goalTolerance, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }

    /// The expert: come down beside the handle on the side away from the goal, then push it to the goal.
    static func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let handle = observation.firstPosition
        let side = observation.goal.x > handle.x ? 1.0 : -1.0
        let behind = Vector3(handle.x - side * 0.035, handle.y, handle.z)
        let ready = abs(tcp.y - handle.y) < 0.01 && abs(tcp.z - handle.z) < 0.01 && (handle.x - tcp.x) * side > 0.015 && (handle.x - tcp.x) * side < 0.045
        if !ready {
            return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: behind, clearance: 0.08, tolerance: 0.008), grip: 1)
        }
        let push = Vector3(observation.goal.x - side * 0.01, handle.y, handle.z)
        return ExpertMotion.action(ExpertMotion.move(from: tcp, to: push), grip: 1)
    }
}
