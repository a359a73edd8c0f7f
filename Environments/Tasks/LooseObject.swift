/// Building blocks shared by the tasks about one loose object (pucks, plates, mugs, balls, lids): the
/// scene, the two Meta-World reward shapes (pushing and carrying), and the two expert motions (pushing
/// an object along the table, and picking one up and carrying it).
///
/// Scenes built here keep `margins[0]` = initial TCP to grip-point distance and `margins[1]` = initial
/// object to goal distance, the margins of the reward's tolerance terms.
enum LooseObject {
    /// Distance from the grip point within which the pushing reward's reach term is full (inside the
    /// open fingers' cage, `Tabletop.cageRadius`).
    static let pushReachBound = 0.02

    /// A scene holding `body` as the first body, the goal, and `boxes`.
    static func scene(body: Body, goal: Vector3, boxes: [SceneBox] = [], second: Body = .absent) -> Scene {
        var scene = Scene()
        scene.first = body
        scene.second = second
        scene.goal = goal
        scene.boxes = boxes
        scene.margins[0] = (scene.tcp - body.gripPoint).norm
        scene.margins[1] = (body.position - goal).norm
        return scene
    }

    /// A cylinder of `radius` and `halfHeight` standing on the surface its centre `position` implies.
    static func cylinder(at position: Vector3, radius: Double, halfHeight: Double, graspable: Bool = true) -> Body {
        Body(kind: .free, position: position, lowerExtent: Vector3(-radius, -radius, -halfHeight), upperExtent: Vector3(radius, radius, halfHeight),
             pushRadius: radius, gripOpening: 0.4, graspable: graspable)
    }

    /// The pushing reward: `2 reach + 6 H(reach, inPlace)` with tolerance terms on the TCP to grip-point
    /// distance and on `distance` (object to goal, as the task measures it); 10 once `distance <= goalRadius`.
    /// Reach is full within `pushReachBound` of the grip point, where open fingers cage the object and
    /// moving the hand moves it (Meta-World's push pays its in-place term only within 2 cm too).
    static func pushEvaluation(_ scene: Scene, distance: Double, goalRadius: Double) -> Evaluation {
        if distance <= goalRadius { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - scene.first.gripPoint).norm, upper: pushReachBound, margin: max(scene.margins[0], 1e-3))
        let inPlace = Reward.tolerance(distance, upper: goalRadius, margin: max(scene.margins[1], 1e-3))
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }

    /// The carrying reward: `2 reach + closing`, plus `1 + 5 inPlace` while the object is held; 10 once
    /// `distance <= goalRadius`. `closing` (at most 0.5, `closingReward`) pays for closing the fingers
    /// at the object, so a grasp is a shaped step rather than a lucky crossing.
    static func carryEvaluation(_ scene: Scene, distance: Double, goalRadius: Double) -> Evaluation {
        if distance <= goalRadius { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - scene.first.gripPoint).norm, upper: 0.02, margin: max(scene.margins[0], 1e-3))
        var reward = 2 * reach + closingReward(scene)
        if scene.held == .first {
            reward += 1 + 5 * Reward.tolerance(distance, upper: goalRadius, margin: max(scene.margins[1], 1e-3))
        }
        return Evaluation(reward: reward, success: false)
    }

    /// The stand-in for Meta-World's grip-effort term (`max(0, a[3])` once the object is caged), from the
    /// scene alone: 0.5 times how far the fingers have closed from fully open toward the first body's
    /// width, times a tolerance on the TCP's distance to its grip point (full within the grasp reach).
    /// 0 while held (the held bonus takes over, and pays more) and 0 for fingers closed past the width on
    /// nothing, so a missed grasp is not a resting place: the reward asks to open and close again.
    static func closingReward(_ scene: Scene) -> Double {
        guard scene.held == .none, scene.first.kind == .free, scene.first.graspable else { return 0 }
        let body = scene.first
        guard scene.gripper >= body.gripOpening else { return 0 }
        let closed = (1 - scene.gripper) / max(1 - body.gripOpening, 1e-3)
        let near = Reward.tolerance((scene.tcp - body.gripPoint).norm, upper: Tabletop.graspReach, margin: 0.05)
        return 0.5 * closed * near
    }

    /// Pushes the object at `object` (its centre) along the table toward `target` with closed fingers:
    /// get low behind it on the line to the target, then push along that line. `contact` is the distance
    /// from the object's centre at which the fingertip touches it (object radius plus fingertip radius).
    static func push(tcp: Vector3, object: Vector3, target: Vector3, contact: Double) -> Action {
        var direction = Vector3(target.x - object.x, target.y - object.y, 0)
        let distance = direction.norm
        direction = distance > 1e-6 ? direction / distance : Vector3(0, 1, 0)
        let standoff = contact + 0.018
        let behind = Vector3(object.x - direction.x * standoff, object.y - direction.y * standoff, object.z)
        let relative = Vector3(tcp.x - object.x, tcp.y - object.y, 0)
        let along = (relative * direction).sum()
        let lateral = (relative - direction * along).norm
        let low = tcp.z < object.z + 0.02
        if low && lateral < 0.012 && along < -0.02 {
            let ahead = min(0.01, distance) - contact
            let goal = Vector3(object.x + direction.x * ahead, object.y + direction.y * ahead, object.z)
            return ExpertMotion.action(ExpertMotion.moveStraight(from: tcp, to: goal), grip: 1)
        }
        if low && tcp.horizontalDistance(to: behind) > 0.012 {
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: Vector3(tcp.x, tcp.y, object.z + 0.08)), grip: 1)
        }
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: behind, clearance: 0.06, tolerance: 0.012), grip: 1)
    }

    /// Picks the object whose grip point is `gripPoint`, then carries it so that the object at `object`
    /// ends at `goal`: up to `travelHeight` (TCP height), over the goal, and down onto it.
    static func carry(tcp: Vector3, gripper: Double, gripPoint: Vector3, object: Vector3, goal: Vector3, travelHeight: Double, pickClearance: Double = 0.06) -> Action {
        if let picking = ExpertMotion.pick(tcp: tcp, gripper: gripper, gripPoint: gripPoint, clearance: pickClearance) {
            return picking
        }
        let destination = goal - (object - tcp)
        let motion = ExpertMotion.approachFromAbove(from: tcp, to: destination, clearance: max(0, travelHeight - destination.z), tolerance: 0.01)
        return ExpertMotion.action(motion, grip: 1)
    }
}
