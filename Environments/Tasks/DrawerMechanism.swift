/// The drawer shared by `drawer-open` and `drawer-close`: a cabinet (solid) with a drawer that slides
/// along y, a handle bar in front of the drawer face, and a gap between bar and face for the fingers.
///
/// The scene's `anchor` is the handle position with the drawer closed, `joint` the opening distance in
/// [0, `travel`] (the handle is at `anchor.y - joint`). The fingertip pulls the bar from inside the gap,
/// pushes the bar or the drawer face from the front, and is stopped when the drawer hits its limits. A
/// fingertip that touches the bar holds it (`FaceContact.straddle`), so a tip that came to rest against
/// the front of the closed drawer's bar pulls the drawer open when it moves back.
enum DrawerMechanism {
    /// Longest opening, metres.
    static let travel = 0.2
    /// Half thickness of the handle bar along y.
    static let barHalfThickness = 0.006
    /// Distance from the handle bar to the drawer face (the gap the fingers hook into is between them).
    static let faceOffset = 0.045
    /// Half width of the handle bar along x.
    static let barHalfWidth = 0.06
    /// Half width of the drawer face along x.
    static let faceHalfWidth = 0.1
    /// Height of the top of the drawer face.
    static let faceTop = 0.12

    /// The scene of a drawer whose closed handle is at `closedHandle`, opened by `opening` metres.
    static func scene(closedHandle: Vector3, opening: Double, goal: Vector3) -> Scene {
        var scene = Scene()
        scene.anchor = closedHandle
        scene.joint = opening
        scene.first = .fixturePoint(at: closedHandle - Vector3(0, opening, 0))
        scene.goal = goal
        let cabinetFront = closedHandle.y + faceOffset + 0.005
        scene.boxes = [
            SceneBox(lower: Vector3(closedHandle.x - 0.12, cabinetFront, 0), upper: Vector3(closedHandle.x + 0.12, cabinetFront + 0.25, 0.16)),
            SceneBox(lower: Vector3(closedHandle.x - faceHalfWidth, closedHandle.y - opening + faceOffset, 0), upper: Vector3(closedHandle.x + faceHalfWidth, cabinetFront + 0.2, faceTop), role: .region),
        ]
        scene.margins[0] = (scene.tcp - scene.first.position).norm
        scene.margins[1] = (scene.first.position - goal).norm
        return scene
    }

    /// Moves the drawer by the fingertip's pushes and pulls; stops the hand at the drawer's limits.
    static func apply(to scene: inout Scene, previousTCP: Vector3) {
        let radius = Tabletop.fingerRadius
        var handleY = scene.anchor.y - scene.joint
        let tip = scene.tcp
        let inBarBand = abs(tip.x - scene.anchor.x) < barHalfWidth && abs(tip.z - scene.anchor.z) < 0.02 + radius
        let inFaceBand = abs(tip.x - scene.anchor.x) < faceHalfWidth && tip.z - radius < faceTop
        var wanted = 0.0
        if inBarBand {
            wanted = FaceContact.straddle(centre: handleY, halfThickness: barHalfThickness, tip: tip.y, previousTip: previousTCP.y, radius: radius)
        }
        if inFaceBand && wanted == 0 {
            wanted += FaceContact.push(face: handleY + faceOffset, tip: tip.y, previousTip: previousTCP.y, direction: 1, radius: radius)
        }
        guard wanted != 0 else { return }
        let opening = clamp(scene.joint - wanted, 0, travel)
        let moved = scene.joint - opening
        scene.hand.y -= wanted - moved
        scene.joint = opening
        handleY = scene.anchor.y - opening
        scene.first.position = Vector3(scene.anchor.x, handleY, scene.anchor.z)
        scene.boxes[1].lower.y = handleY + faceOffset
    }

    /// Reward `2 reach + 6 H(reach, inPlace)` with the task's `reach` term and `inPlace` on the
    /// handle-goal distance, 10 once the handle is within `goalRadius` of the goal.
    static func evaluate(_ scene: Scene, goalRadius: Double, reach: Double) -> Evaluation {
        let handle = scene.first.position
        let toGoal = (handle - scene.goal).norm
        if toGoal <= goalRadius { return Evaluation(reward: 10, success: true) }
        let inPlace = Reward.tolerance(toGoal, upper: goalRadius, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }

    /// Where the fingers hold the handle bar from its front (the robot's side, `Tabletop.holdDistance`):
    /// the natural approach stops here against the closed drawer, and pulling from here opens it.
    static func frontTouch(ofHandle handle: Vector3) -> Vector3 {
        handle - Vector3(0, Tabletop.holdDistance(contact: barHalfThickness + Tabletop.fingerRadius), 0)
    }
}
