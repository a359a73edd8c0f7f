/// A fixture point on an arm that turns about an axis: faucet handles, dials, levers. The arm of length
/// `armLength` turns in the plane of world axes `u` and `v` (about the third axis, the normal); the
/// fingertip pushes the arm's end along its arc from either side while it is within `band` of the end
/// along the normal and within 3 cm of the arc, and a fingertip within `FaceContact.holdReach` of the
/// end along the arc holds it and carries it both ways (`FaceContact.straddle`), as fingers around a
/// handle do: no spot next to the handle lets the hand pass through it.
///
/// The scene's `anchor` is the axis point, `joint` the arm's angle in the plane (0 along `u`, pi/2 along
/// `v`), kept in [`margins[2]`, `margins[3]`]; `margins[0]` is the initial TCP-end distance and
/// `margins[1]` the initial end-goal distance. The end's orientation (w, x, y, z) reports the angle as a
/// turn about the normal, so an expert can find the axis from the observation.
struct RotaryMechanism: Sendable {
    /// First axis of the plane the arm turns in.
    var u: Int
    /// Second axis of the plane the arm turns in.
    var v: Int
    /// Distance from the axis to the arm's end.
    var armLength: Double
    /// Half extent along the normal within which the fingertip touches the end.
    var band: Double
    /// Distance from the arm's end line at which the fingertip touches it (fingertip plus handle radius).
    var contactRadius: Double = Tabletop.fingerRadius + 0.01

    /// The axis normal to the plane.
    var normal: Int { 3 - u - v }

    /// The unit vector at angle `angle` in the plane.
    func direction(_ angle: Double) -> Vector3 {
        let (s, c) = ScalarMath.sinCos(angle)
        var d = Vector3.zero
        d[u] = c
        d[v] = s
        return d
    }

    /// The orientation reporting `angle`: a turn by `angle` about the normal.
    func orientation(_ angle: Double) -> Quaternion {
        let (s, c) = ScalarMath.sinCos(angle / 2)
        var q = Quaternion(c, 0, 0, 0)
        q[1 + normal] = s
        return q
    }

    /// The arm's end for the axis at `anchor` and angle `angle`.
    func end(anchor: Vector3, angle: Double) -> Vector3 {
        anchor + direction(angle) * armLength
    }

    /// The scene of an arm about `anchor` at angle `angle`, limited to [`lower`, `upper`].
    func scene(anchor: Vector3, angle: Double, goal: Vector3, lower: Double, upper: Double, boxes: [SceneBox]) -> Scene {
        var scene = Scene()
        scene.anchor = anchor
        scene.joint = angle
        scene.first = .fixturePoint(at: end(anchor: anchor, angle: angle), orientation: orientation(angle))
        scene.goal = goal
        scene.boxes = boxes
        scene.margins[0] = (scene.tcp - scene.first.position).norm
        scene.margins[1] = (scene.first.position - goal).norm
        scene.margins[2] = lower
        scene.margins[3] = upper
        return scene
    }

    /// Turns the arm by the fingertip's push or carry along its arc; the hand is stopped at the limits.
    func apply(to scene: inout Scene, previousTCP: Vector3) {
        let tip = scene.tcp
        let handle = scene.first.position
        guard abs(tip[normal] - handle[normal]) < band else { return }
        var radial = tip - scene.anchor
        radial[normal] = 0
        guard abs(radial.norm - armLength) < 0.03 else { return }
        let tangent = direction(scene.joint + .pi / 2)
        let along = ((tip - handle) * tangent).sum()
        let previousAlong = ((previousTCP - handle) * tangent).sum()
        guard abs(along) < 0.06 else { return }
        let wanted = FaceContact.straddle(centre: 0, halfThickness: 0, tip: along, previousTip: previousAlong, radius: contactRadius)
        guard wanted != 0 else { return }
        let angle = clamp(scene.joint + wanted / armLength, scene.margins[2], scene.margins[3])
        let moved = (angle - scene.joint) * armLength
        scene.hand -= tangent * (wanted - moved)
        scene.joint = angle
        scene.first.position = end(anchor: scene.anchor, angle: angle)
        scene.first.orientation = orientation(angle)
    }

    /// Where the fingers hold the arm's end on the side from which they push it round in the direction
    /// `turn` (+1 increasing angle), `Tabletop.holdDistance` from it along the arc.
    func pushingTouch(_ scene: Scene, turn: Double) -> Vector3 {
        scene.first.position - direction(scene.joint + .pi / 2) * (turn * Tabletop.holdDistance(contact: contactRadius))
    }

    /// Reward `2 reach + 6 H(reach, inPlace)`: `Reward.pointReach` of the TCP's distance to `pushingTouch`
    /// and the end-goal distance; 10 when the end-goal distance is within `goalRadius`.
    func evaluate(_ scene: Scene, goalRadius: Double, turn: Double) -> Evaluation {
        let handle = scene.first.position
        let distance = (handle - scene.goal).norm
        if distance <= goalRadius { return Evaluation(reward: 10, success: true) }
        let reach = Reward.pointReach((scene.tcp - pushingTouch(scene, turn: turn)).norm, margin: max(scene.margins[0], 1e-3))
        let inPlace = Reward.tolerance(distance, upper: goalRadius, margin: max(scene.margins[1], 1e-3))
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }

    /// The angle the observation's first orientation reports, as (cos, sin).
    func decodeAngle(_ q: Quaternion) -> (cos: Double, sin: Double) {
        let w = q[0]
        let s = q[1 + normal]
        return (w * w - s * s, 2 * w * s)
    }

    /// The expert: put the fingertip just behind the arm's end on the side away from the turn (reaching
    /// it from `entryOffset` away, after coming down from above), then follow the arc, turning the arm
    /// by increasing (`turn` +1) or decreasing (-1) angle.
    func expertAction(for observation: Observation, turn: Double, entryOffset: Vector3 = Vector3(0, 0, 0.06)) -> Action {
        let tcp = observation.tcp
        let handle = observation.firstPosition
        let (c, s) = decodeAngle(observation.firstOrientation)
        var arm = Vector3.zero
        arm[u] = c
        arm[v] = s
        var tangent = Vector3.zero
        tangent[u] = -s
        tangent[v] = c
        let axis = handle - arm * armLength
        let behind = handle - tangent * (turn * 0.035)
        var radial = tcp - axis
        radial[normal] = 0
        let along = ((tcp - handle) * tangent).sum() * turn
        let ready = along > -0.05 && along < -0.012 && abs(radial.norm - armLength) < 0.02 && abs(tcp[normal] - handle[normal]) < 0.02
        if ready {
            let step = 0.12 * turn
            let ahead = arm * ScalarMath.sinCos(step).cos + tangent * ScalarMath.sinCos(step).sin
            var aheadTangent = Vector3.zero
            aheadTangent[u] = -ahead[v]
            aheadTangent[v] = ahead[u]
            var target = axis + ahead * armLength - aheadTangent * (turn * 0.02)
            target[normal] = handle[normal]
            return ExpertMotion.action(ExpertMotion.moveStraight(from: tcp, to: target), grip: 1)
        }
        let entry = behind + entryOffset
        let toBehind = behind - tcp
        let offsetLength = entryOffset.norm
        let progress = offsetLength > 0 ? ((tcp - behind) * entryOffset).sum() / offsetLength : 0
        let offLine = ((tcp - behind) - entryOffset * (progress / max(offsetLength, 1e-9))).norm
        if offLine < 0.012 && progress > -0.01 && progress < offsetLength + 0.012 {
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: tcp + toBehind), grip: 1)
        }
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: entry, clearance: 0.08, tolerance: 0.008), grip: 1)
    }
}
