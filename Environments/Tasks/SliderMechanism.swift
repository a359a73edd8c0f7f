/// A fixture point that slides along one world axis between two limits: buttons, press handles, lock
/// knobs. The fingertip pushes it from either side along that axis while it is within the fixture's band
/// on the other two axes; an optional spring returns it toward its rest position when nothing pushes it.
///
/// The scene's `anchor` is the rest position, `joint` the travel from it along the axis, kept in
/// [`margins[2]`, `margins[3]`]; `margins[0]` is the initial TCP-fixture distance and `margins[1]` the
/// initial fixture-goal distance along the axis. The hand is stopped at the travel limits. A region box
/// at `boxes[1]` (the drawn button or handle) moves with the fixture.
struct SliderMechanism: Sendable {
    /// The axis the fixture slides along (0 x, 1 y, 2 z).
    var axis: Int
    /// Half thickness of the fixture along its axis (the faces the fingertip pushes).
    var halfThickness: Double
    /// Half extents of the band, on the other two axes, within which the fingertip touches the fixture.
    var band: Vector3
    /// Metres per step the spring moves a released fixture back toward rest (0: no spring).
    var springSpeed: Double = 0
    /// Whether a fingertip touching the handle holds it (`FaceContact.straddle`), so the fingers can pull
    /// it back from where they pushed it against a limit; pull handles hook, buttons and press handles
    /// are only pushed (a press handle must not follow the hand back up).
    var hooks: Bool = false

    /// The scene of a fixture resting at `rest` that may travel in [`lower`, `upper`] along the axis.
    func scene(rest: Vector3, goal: Vector3, lower: Double, upper: Double, boxes: [SceneBox]) -> Scene {
        var scene = Scene()
        scene.anchor = rest
        scene.joint = 0
        scene.first = .fixturePoint(at: rest)
        scene.goal = goal
        scene.boxes = boxes
        scene.margins[0] = (scene.tcp - rest).norm
        scene.margins[1] = abs(rest[axis] - goal[axis])
        scene.margins[2] = lower
        scene.margins[3] = upper
        return scene
    }

    /// Whether the fingertip at `tip` lies within the band around the fixture at `fixture`.
    func inBand(_ tip: Vector3, _ fixture: Vector3) -> Bool {
        for other in 0..<3 where other != axis {
            if abs(tip[other] - fixture[other]) >= band[other] { return false }
        }
        return true
    }

    /// Slides the fixture by the fingertip's push, or lets the spring return it.
    func apply(to scene: inout Scene, previousTCP: Vector3) {
        let radius = Tabletop.fingerRadius
        let tip = scene.tcp
        let fixture = scene.first.position
        let touching = inBand(tip, fixture)
        var wanted = 0.0
        if touching && hooks {
            wanted = FaceContact.straddle(centre: fixture[axis], halfThickness: halfThickness, tip: tip[axis], previousTip: previousTCP[axis], radius: radius)
        } else if touching {
            wanted = FaceContact.pushOnly(centre: fixture[axis], halfThickness: halfThickness, tip: tip[axis], previousTip: previousTCP[axis], radius: radius)
        }
        var travel = scene.joint
        if wanted != 0 {
            travel = clamp(scene.joint + wanted, scene.margins[2], scene.margins[3])
            scene.hand[axis] -= wanted - (travel - scene.joint)
        } else if springSpeed > 0 && travel != 0 {
            let rest = scene.anchor[axis]
            if travel > 0 {
                var next = max(0, travel - springSpeed)
                if touching && tip[axis] < fixture[axis] { next = min(travel, max(next, tip[axis] + radius + halfThickness - rest)) }
                travel = next
            } else {
                var next = min(0, travel + springSpeed)
                if touching && tip[axis] > fixture[axis] { next = max(travel, min(next, tip[axis] - radius - halfThickness - rest)) }
                travel = next
            }
        }
        guard travel != scene.joint else { return }
        let shift = travel - scene.joint
        scene.joint = travel
        scene.first.position[axis] = scene.anchor[axis] + travel
        if scene.boxes.count > 1 && scene.boxes[1].role == .region {
            scene.boxes[1].lower[axis] += shift
            scene.boxes[1].upper[axis] += shift
        }
    }

    /// Reward `2 reach + 6 H(reach, inPlace)` on the TCP-fixture distance and the fixture's offset from the
    /// goal along the axis; 10 when that offset is within `tolerance`.
    func evaluate(_ scene: Scene, tolerance: Double) -> Evaluation {
        let fixture = scene.first.position
        let offset = abs(fixture[axis] - scene.goal[axis])
        if offset <= tolerance { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - fixture).norm, upper: 0.02, margin: max(scene.margins[0], 1e-3))
        let inPlace = Reward.tolerance(offset, upper: tolerance, margin: max(scene.margins[1], 1e-3))
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }

    /// The expert: put the fingertip `standoff` metres on the far side of the fixture from the goal
    /// (reaching that point along `approach`, a unit vector pointing from the fingertip's approach side
    /// toward the fixture, after coming down from above), then push the fixture along the axis until it
    /// passes the goal by `overshoot`.
    func expertAction(for observation: Observation, approach: Vector3, standoff: Double = 0.04, overshoot: Double = 0.01) -> Action {
        let tcp = observation.tcp
        let fixture = observation.firstPosition
        let goal = observation.goal
        let sign = goal[axis] >= fixture[axis] ? 1.0 : -1.0
        var start = fixture
        start[axis] -= sign * standoff
        var aligned = true
        for other in 0..<3 where other != axis {
            if abs(tcp[other] - fixture[other]) > 0.008 { aligned = false }
        }
        let behind = (fixture[axis] - tcp[axis]) * sign
        if aligned && behind > 0.005 && behind < standoff + 0.03 {
            var target = fixture
            target[axis] = goal[axis] + sign * overshoot - sign * (Tabletop.fingerRadius + halfThickness)
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: target), grip: 1)
        }
        let entry = start - approach * 0.06
        let entryReached = tcp.horizontalDistance(to: entry) < 0.012 && abs(tcp.z - entry.z) < 0.012
        let onApproachLine = ((tcp - start) - approach * ((tcp - start) * approach).sum()).norm < 0.012
        if entryReached || (onApproachLine && ((tcp - start) * approach).sum() > -0.07 && ((tcp - start) * approach).sum() < 0.0) {
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: start), grip: 1)
        }
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: entry, clearance: 0.08, tolerance: 0.008), grip: 1)
    }
}
