/// `drawer-close`: push an open drawer shut (Meta-World `drawer-close-v3`).
///
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle and handle-goal distances, 10 when solved.
public struct DrawerClose: DrawerTask {
    /// Success radius of the handle around the goal, metres.
    public static let goalRadius = 0.065
    /// The goal is the handle of the closed drawer, at y 0.74.
    static let goalY = 0.74
    /// A tolerance on the TCP-handle distance, full within 3 cm: anywhere there the fingertip can push
    /// the drawer in.
    static func reach(_ scene: Scene) -> Double {
        Reward.tolerance((scene.tcp - scene.first.position).norm, upper: 0.03, margin: scene.margins[0])
    }

    /// The task with Meta-World's ranges.
    public init() {}

    /// `drawer-close`.
    public var name: String { "drawer-close" }
    /// What the task asks.
    public var summary: String { "Push an open drawer closed by its handle or face." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle to goal <= 0.065" }
    /// Open handle at y 0.58; the goal is the closed handle at y 0.74.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.58, 0.09), upper: Vector3(0.1, 0.58, 0.09)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.74, 0.09), upper: Vector3(0.1, 0.74, 0.09)))
    }

    /// A drawer opened 16 cm, its handle at the layout's object position.
    public func makeScene(layout: Layout) -> Scene {
        DrawerMechanism.scene(closedHandle: layout.goal, opening: layout.goal.y - layout.object.y, goal: layout.goal)
    }

    /// Come down in front of the handle bar, then push it toward the cabinet.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let handle = observation.firstPosition
        let front = Vector3(handle.x, handle.y - 0.035, handle.z)
        let inFront = tcp.horizontalDistance(to: front) < 0.02 && abs(tcp.z - front.z) < 0.01 && tcp.y < handle.y
        if !inFront {
            return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: front, clearance: 0.06), grip: 1)
        }
        let push = Vector3(handle.x, observation.goal.y - 0.018 + 0.01, handle.z)
        return ExpertMotion.action(ExpertMotion.move(from: tcp, to: push), grip: 1)
    }
}
