/// `button-press-topdown`: press a spring button down from above (Meta-World `button-press-topdown-v3`).
///
/// A plunger stands on a pedestal; its top rests at z 0.31 and goes down to the pedestal's top at z 0.215
/// when pressed from above anywhere in a 9 x 9 cm column (Meta-World's cap is 4.3 cm in radius). A weak
/// spring lifts it 2 mm per step when nothing presses it, and touching the column from the side stops
/// the hand. The scene's `joint` is the plunger's top height. Reward: `2 reach + 6 H(reach, pressed)`
/// with reach measured to the fingertip resting on the top, 10 when solved.
public struct ButtonPressTopdown: ManipulationTask {
    /// Success when the button top is within this distance of the goal height.
    public static let goalTolerance = 0.024
    /// Height of the button top at rest.
    public static let restHeight = 0.31
    /// Height of the button top fully pressed (the goal height).
    public static let pressedHeight = 0.215
    /// Half width of the plunger.
    public static let plungerHalfWidth = 0.025
    /// Rise per step of a released plunger (a weak spring, as Meta-World's).
    public static let springSpeed = 0.002
    /// Horizontal half size of the column above the plunger in which the fingertip presses it (about
    /// Meta-World's cap radius, 4.3 cm).
    public static let pressReach = 0.045
    /// Height of the TCP above the button top when the fingertip rests on it: the reach target.
    public static let restingTCPHeight = Tabletop.fingerRadius

    /// The task with Meta-World's ranges.
    public init() {}

    /// `button-press-topdown`.
    public var name: String { "button-press-topdown" }
    /// What the task asks.
    public var summary: String { "Press a spring button on a pedestal straight down from above." }
    /// Meta-World's criterion.
    public var successCriterion: String { "button top height within 0.024 of the goal height" }
    /// Button top at x in [-0.1, 0.1], y in [0.8, 0.9], z 0.31; goal is the pressed height 0.215.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.8, Self.restHeight), upper: Vector3(0.1, 0.9, Self.restHeight)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, Self.pressedHeight), upper: Vector3(0.1, 0.9, Self.pressedHeight)))
    }

    /// The goal lies under the button top, at the pressed height.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let top = resetRanges.object.sample(using: &generator)
        return Layout(object: top, goal: Vector3(top.x, top.y, Self.pressedHeight))
    }

    /// Pedestal (solid) and plunger at rest.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Scene()
        scene.anchor = layout.object
        scene.joint = Self.restHeight
        scene.first = .fixturePoint(at: layout.object)
        scene.goal = layout.goal
        let c = layout.object
        scene.boxes = [
            SceneBox(lower: Vector3(c.x - 0.06, c.y - 0.06, 0), upper: Vector3(c.x + 0.06, c.y + 0.06, Self.pressedHeight)),
            SceneBox(lower: Vector3(c.x - Self.plungerHalfWidth, c.y - Self.plungerHalfWidth, Self.pressedHeight), upper: Vector3(c.x + Self.plungerHalfWidth, c.y + Self.plungerHalfWidth, Self.restHeight), role: .region),
        ]
        scene.margins[0] = (scene.tcp - layout.object).norm
        scene.margins[1] = Self.restHeight - Self.pressedHeight
        return scene
    }

    /// Pressing from above moves the plunger down to its stop; the spring lifts it otherwise.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        let radius = Tabletop.fingerRadius
        let tip = scene.tcp
        let centre = scene.anchor
        let reach = Self.pressReach
        let inColumn = abs(tip.x - centre.x) < reach && abs(tip.y - centre.y) < reach
        var top = scene.joint
        var pressed = false
        if inColumn && tip.z - radius < top {
            if previousTCP.z - radius >= top - 1e-9 {
                let wanted = tip.z - radius
                top = max(wanted, Self.pressedHeight)
                if wanted < top { scene.hand.z += top - wanted }
                pressed = true
            } else {
                scene.hand.x = previousTCP.x - Tabletop.tcpOffset.x
                scene.hand.y = previousTCP.y - Tabletop.tcpOffset.y
            }
        }
        if !pressed {
            var ceiling = Self.restHeight
            let tipNow = scene.tcp
            if abs(tipNow.x - centre.x) < reach && abs(tipNow.y - centre.y) < reach && tipNow.z - radius >= top - 1e-9 {
                ceiling = min(ceiling, tipNow.z - radius)
            }
            top = max(top, min(top + Self.springSpeed, ceiling))
        }
        scene.joint = top
        scene.first.position = Vector3(centre.x, centre.y, top)
        scene.boxes[1].upper.z = top
    }

    /// Reward `2 reach + 6 H(reach, pressed)`: `reach` a tolerance on the distance from the TCP to the
    /// point where a fingertip rests on the top (full within 1 cm, so a TCP stopped at the plunger's side
    /// scores clearly less than one on top), `pressed` on the top's height above the goal. 10 when solved.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let top = scene.first.position
        let offset = abs(top.z - scene.goal.z)
        if offset <= Self.goalTolerance { return Evaluation(reward: 10, success: true) }
        let restingPoint = top + Vector3(0, 0, Self.restingTCPHeight)
        let reach = Reward.tolerance((scene.tcp - restingPoint).norm, upper: 0.01, margin: scene.margins[0])
        let pressed = Reward.tolerance(offset, upper: Self.goalTolerance, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, pressed), success: false)
    }

    /// Rise above the button, move over it, press straight down with closed fingers.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let top = observation.firstPosition
        let target = Vector3(top.x, top.y, observation.goal.z - 0.02)
        let clearance = Self.restHeight + 0.05 - target.z
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: target, clearance: clearance, tolerance: 0.008), grip: 1)
    }
}
