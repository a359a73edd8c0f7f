/// `door-open`: swing a hinged door open by pulling its handle around (Meta-World `door-open-v3`).
///
/// The door turns about a vertical hinge 37.6 cm from its handle and opens toward the robot, up to 100
/// degrees. The fingertip pushes the handle from either side along its arc. The scene's `anchor` is the
/// hinge and `joint` the opening angle; the handle's orientation quaternion reports the angle, so the
/// expert can find the hinge from the observation.
///
/// A fingertip that touches the handle holds it (`FaceContact.straddle`), so the natural approach from
/// the robot, which stops against the closed handle, can pull the door open from there; the expert
/// comes down behind the handle and pushes it around instead. Reward (in the manner of Meta-World v3's
/// door): `2 reach + 7 opened`, where `opened` shapes the door angle and pays a step once the door is
/// past 2 degrees, not gated by reach; 10 when solved.
public struct DoorOpen: ManipulationTask {
    /// Success when the handle's x is within this distance of the goal's x.
    public static let goalTolerance = 0.08
    /// Handle offset from the hinge with the door closed (horizontal).
    public static let closedArm = Vector3(0.36, -0.11, 0)
    /// Distance from hinge to handle.
    public static let armLength = (0.36 * 0.36 + 0.11 * 0.11).squareRoot()
    /// Largest opening angle, radians (100 degrees).
    public static let maximumAngle = 100.0 * .pi / 180
    /// Opening angle at which the goal sits (95 degrees).
    public static let goalAngle = 95.0 * .pi / 180
    /// Height band around the handle within which the fingertip touches it.
    public static let handleHalfHeight = 0.05
    /// Distance along the handle's arc at which the fingertip touches it (fingertip plus handle radius).
    public static let handleContactRadius = Tabletop.fingerRadius + 0.01

    /// The task with Meta-World's ranges.
    public init() {}

    /// `door-open`.
    public var name: String { "door-open" }
    /// What the task asks.
    public var summary: String { "Pull a door's handle around its hinge until the door stands open." }
    /// Meta-World's criterion.
    public var successCriterion: String { "handle x within 0.08 of goal x" }
    /// Handle near (0.25, 0.69, 0.15); the open goal follows 50 cm to the left and 24 cm closer.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(0.2, 0.64, 0.15), upper: Vector3(0.3, 0.74, 0.15)),
                    goal: PositionRange(lower: Vector3(-0.31, 0.39, 0.15), upper: Vector3(-0.19, 0.51, 0.15)))
    }

    /// Unit direction from hinge to handle at opening angle `angle` (the closed arm turned clockwise).
    public static func armDirection(angle: Double) -> Vector3 {
        let (s, c) = ScalarMath.sinCos(angle)
        let u = closedArm / armLength
        return Vector3(u.x * c + u.y * s, -u.x * s + u.y * c, 0)
    }

    /// Unit direction in which the handle moves as the door opens, at `angle`.
    public static func openingDirection(angle: Double) -> Vector3 {
        let u = armDirection(angle: angle)
        return Vector3(u.y, -u.x, 0)
    }

    /// The handle's orientation at `angle`: a turn of `-angle` about z, (w, x, y, z).
    static func orientation(angle: Double) -> Quaternion {
        let (s, c) = ScalarMath.sinCos(angle / 2)
        return Quaternion(c, 0, 0, -s)
    }

    /// The expert's reading of the door from `observation`: the unit hinge-to-handle direction, the
    /// unit direction in which the handle moves as the door opens, and the hinge.
    static func observedArm(_ observation: Observation) -> (arm: Vector3, tangent: Vector3, hinge: Vector3) {
        let q = observation.firstOrientation
        let cosine = q[0] * q[0] - q[3] * q[3]
        let sine = -2 * q[0] * q[3]
        let u = closedArm / armLength
        let arm = Vector3(u.x * cosine + u.y * sine, -u.x * sine + u.y * cosine, 0)
        let tangent = Vector3(arm.y, -arm.x, 0)
        return (arm, tangent, observation.firstPosition - arm * armLength)
    }

    /// The goal is the handle's position at 95 degrees.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let handle = resetRanges.object.sample(using: &generator)
        let hinge = handle - Self.closedArm
        return Layout(object: handle, goal: hinge + Self.armDirection(angle: Self.goalAngle) * Self.armLength)
    }

    /// A closed door: hinge, handle, and the wall the door sits in.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Scene()
        let hinge = layout.object - Self.closedArm
        scene.anchor = hinge
        scene.joint = 0
        scene.first = .fixturePoint(at: layout.object, orientation: Self.orientation(angle: 0))
        scene.goal = layout.goal
        scene.boxes = [
            SceneBox(lower: Vector3(hinge.x - 0.2, hinge.y - 0.02, 0), upper: Vector3(hinge.x - 0.02, hinge.y + 0.03, 0.3)),
        ]
        scene.margins[0] = (scene.tcp - layout.object).norm
        scene.margins[1] = abs(layout.object.x - layout.goal.x)
        return scene
    }

    /// The fingertip pushes the handle along its arc, from either side; limits stop the hand.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        let tip = scene.tcp
        let handle = scene.first.position
        guard abs(tip.z - handle.z) < Self.handleHalfHeight else { return }
        let arm = Self.armDirection(angle: scene.joint)
        let tangent = Vector3(arm.y, -arm.x, 0)
        let radial = Vector3(tip.x - scene.anchor.x, tip.y - scene.anchor.y, 0)
        guard abs(radial.norm - Self.armLength) < 0.03 else { return }
        let along = ((tip - handle) * tangent).sum()
        let previousAlong = ((previousTCP - handle) * tangent).sum()
        guard abs(along) < 0.06 else { return }
        let radius = Self.handleContactRadius
        let wanted = FaceContact.straddle(centre: 0, halfThickness: 0, tip: along, previousTip: previousAlong, radius: radius)
        guard wanted != 0 else { return }
        let angle = clamp(scene.joint + wanted / Self.armLength, 0, Self.maximumAngle)
        let moved = (angle - scene.joint) * Self.armLength
        scene.hand -= tangent * (wanted - moved)
        scene.joint = angle
        scene.first.position = scene.anchor + Self.armDirection(angle: angle) * Self.armLength + Vector3(0, 0, handle.z - scene.anchor.z)
        scene.first.orientation = Self.orientation(angle: angle)
    }

    /// Opening angle past which the reward pays its first step (2 degrees), as Meta-World's door does.
    public static let firstStepAngle = 2.0 * .pi / 180
    /// Angle within which the opening term is full (0.2 rad short of the goal angle, where success begins).
    public static let openedBound = 0.2

    /// How open the door is, in [0, 1]: 0.2 as soon as it is past 2 degrees (paid for any start, as
    /// Meta-World pays for "trying to open the door"), plus 0.8 times a long-tail tolerance on the angle
    /// still to go (margin 90 degrees), so every degree of opening pays.
    public static func opened(angle: Double) -> Double {
        let started = angle > firstStepAngle ? 0.2 : 0
        return started + 0.8 * Reward.tolerance(goalAngle - angle, upper: openedBound, margin: .pi / 2)
    }

    /// Where the fingers hold the handle from its opening side (`Tabletop.holdDistance` along the
    /// direction it opens in; the robot's side of the closed door). door-open pulls from here: the natural
    /// approach stops here against the closed door, and moving back swings it open. door-close pushes from
    /// here: moving the other way swings it shut.
    public static func openingSideTouch(handle: Vector3, angle: Double) -> Vector3 {
        handle + openingDirection(angle: angle) * Tabletop.holdDistance(contact: handleContactRadius)
    }

    /// Reward `2 reach + 7 opened`: `reach` the `Reward.pointReach` of the TCP's distance to
    /// `openingSideTouch` (Meta-World likewise pays for the hand at the side of the handle it pulls from),
    /// `opened` the angle term above, not gated by reach. 10 once the handle's x is within 8 cm of the
    /// goal's x.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let handle = scene.first.position
        let offset = abs(handle.x - scene.goal.x)
        if offset <= Self.goalTolerance { return Evaluation(reward: 10, success: true) }
        let reach = Reward.pointReach((scene.tcp - Self.openingSideTouch(handle: handle, angle: scene.joint)).norm, margin: scene.margins[0])
        return Evaluation(reward: 2 * reach + 7 * Self.opened(angle: scene.joint), success: false)
    }

    /// Come down on the closed side of the handle, then follow the arc, pushing the handle open.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let handle = observation.firstPosition
        let (arm, tangent, hinge) = Self.observedArm(observation)
        let behind = handle - tangent * 0.035
        let relative = Vector3(tcp.x - handle.x, tcp.y - handle.y, 0)
        let along = (relative * tangent).sum()
        let radialOffset = Vector3(tcp.x - hinge.x, tcp.y - hinge.y, 0).norm - Self.armLength
        let ready = along > -0.05 && along < -0.012 && abs(radialOffset) < 0.02 && abs(tcp.z - handle.z) < 0.02
        if !ready {
            return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: behind, clearance: 0.08), grip: 1)
        }
        let step = 0.12
        let ahead = Vector3(arm.x * cos1(step) + arm.y * sin1(step), -arm.x * sin1(step) + arm.y * cos1(step), 0)
        let target = hinge + ahead * Self.armLength - Vector3(ahead.y, -ahead.x, 0) * 0.02
        return ExpertMotion.action(ExpertMotion.moveStraight(from: tcp, to: Vector3(target.x, target.y, handle.z)), grip: 1)
    }

    private func cos1(_ x: Double) -> Double { ScalarMath.sinCos(x).cos }
    private func sin1(_ x: Double) -> Double { ScalarMath.sinCos(x).sin }
}
