/// `drawer-open`: pull a closed drawer open by its handle (Meta-World `drawer-open-v3`).
///
/// The fingers hook the handle bar (from the gap behind it, or by touching its front) and pull toward
/// the robot. Reward: `2 reach + 6 H(reach, inPlace)` on the TCP's distance to the front of the bar
/// (full only there) and the handle-goal distance, 10 when solved.
public struct DrawerOpen: DrawerTask {
    /// Success radius of the handle around the goal, metres.
    public static let goalRadius = 0.03
    /// The goal is the handle pulled to y 0.54.
    static let goalY = 0.54
    /// The `Reward.pointReach` of the TCP's distance to where the fingers hold the front of the bar
    /// (`DrawerMechanism.frontTouch`), where a natural approach from the robot arrives and from which
    /// pulling opens the drawer; the sharp half leads all the way into the hold (Meta-World's
    /// drawer-open likewise pays for the hand at the handle, within 1 cm).
    static func reach(_ scene: Scene) -> Double {
        Reward.pointReach((scene.tcp - DrawerMechanism.frontTouch(ofHandle: scene.first.position)).norm, margin: scene.margins[0])
    }

    /// The task with Meta-World's ranges.
    public init() {}

    /// `drawer-open`.
    public var name: String { "drawer-open" }
    /// What the task asks.
    public var summary: String { "Hook the handle of a closed drawer and pull the drawer open." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle to goal <= 0.03" }
    /// Closed handle at y 0.73; the goal is the handle 19 cm closer to the robot.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.73, 0.09), upper: Vector3(0.1, 0.73, 0.09)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.54, 0.09), upper: Vector3(0.1, 0.54, 0.09)))
    }

    /// A closed drawer with its handle at the layout's object position.
    public func makeScene(layout: Layout) -> Scene {
        DrawerMechanism.scene(closedHandle: layout.object, opening: 0, goal: layout.goal)
    }

    /// Lower the fingertip into the gap behind the handle bar, then pull toward the goal.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let handle = observation.firstPosition
        let gap = Vector3(handle.x, handle.y + 0.0255, handle.z)
        let inGap = tcp.horizontalDistance(to: gap) < 0.012 && abs(tcp.z - gap.z) < 0.01
        if !inGap {
            return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: gap, clearance: 0.06), grip: 1)
        }
        let pull = Vector3(handle.x, observation.goal.y + 0.018 - 0.01, handle.z)
        return ExpertMotion.action(ExpertMotion.move(from: tcp, to: pull), grip: 1)
    }
}
