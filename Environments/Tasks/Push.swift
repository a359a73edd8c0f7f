/// `push`: push a puck across the table to a goal on the table (Meta-World `push-v3`).
///
/// The fingers push the puck along the line from the fingertip to its centre. Reward in the Meta-World
/// manner: `2 reach + 6 H(reach, inPlace)` with tolerance terms on the TCP-puck and puck-goal distances,
/// and 10 once the puck is within 5 cm of the goal.
public struct Push: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05

    /// The task with Meta-World's ranges.
    public init() {}

    /// `push`.
    public var name: String { "push" }
    /// What the task asks.
    public var summary: String { "Push a puck across the table to a goal marked on the table." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.05" }
    /// Puck in front of the robot, goal on the far table at the puck's height.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.02), upper: Vector3(0.1, 0.7, 0.02)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, 0.02), upper: Vector3(0.1, 0.9, 0.02)))
    }

    /// Puck and goal from the layout; margins: initial TCP-puck and puck-goal distances.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Scene()
        scene.first = .puck(at: layout.object)
        scene.goal = layout.goal
        scene.margins[0] = (scene.tcp - layout.object).norm
        scene.margins[1] = (layout.object - layout.goal).norm
        return scene
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        let puck = scene.first.position
        let toGoal = (puck - scene.goal).norm
        let success = toGoal <= Self.goalRadius
        if success { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - puck).norm, upper: 0.05, margin: scene.margins[0])
        let inPlace = Reward.tolerance(toGoal, upper: Self.goalRadius, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }

    /// Get low behind the puck on the goal line with closed fingers, then push toward the goal.
    public func expertAction(for observation: Observation) -> Action {
        let tcp = observation.tcp
        let puck = observation.firstPosition
        let goal = observation.goal
        var direction = Vector3(goal.x - puck.x, goal.y - puck.y, 0)
        let distance = direction.norm
        direction = distance > 1e-6 ? direction / distance : Vector3(0, 1, 0)
        let contact = 0.02 + Tabletop.fingerRadius
        let behind = Vector3(puck.x - direction.x * 0.05, puck.y - direction.y * 0.05, puck.z)
        let relative = Vector3(tcp.x - puck.x, tcp.y - puck.y, 0)
        let along = (relative * direction).sum()
        let lateral = (relative - direction * along).norm
        let low = tcp.z < puck.z + 0.02
        if low && lateral < 0.012 && along < -0.02 {
            let ahead = min(0.01, distance) - contact
            let target = Vector3(puck.x + direction.x * ahead, puck.y + direction.y * ahead, puck.z)
            return ExpertMotion.action(ExpertMotion.moveStraight(from: tcp, to: target), grip: 1)
        }
        if low && tcp.horizontalDistance(to: behind) > 0.012 {
            return ExpertMotion.action(ExpertMotion.move(from: tcp, to: Vector3(tcp.x, tcp.y, puck.z + 0.08)), grip: 1)
        }
        return ExpertMotion.action(ExpertMotion.approachFromAbove(from: tcp, to: behind, clearance: 0.06, tolerance: 0.012), grip: 1)
    }
}
