/// `lever-pull`: pull a lever up until it stands upright (Meta-World `lever-pull-v3`).
///
/// A 20 cm lever turns about a horizontal axis (along x) in a solid base; it starts pointing at the robot
/// and is done when it stands within pi/24 of upright (pi/2). The observed point is the lever's end, the
/// goal the end's upright position. The fingertip lifts the end from below and follows its arc. Reward:
/// `2 reach + 6 H(reach, inPlace)` on the TCP-end and end-goal distances, 10 when solved.
public struct LeverPull: RotaryTask {
    /// Success when the lever's angle is within this of pi/2.
    public static let angleTolerance = Double.pi / 24
    /// The reward's in-place term has no solved zone around the goal: success is by the lever's angle.
    static let goalRadius = 0.0
    /// The lever: a 20 cm arm turning in the y-z plane.
    static let mechanism = RotaryMechanism(u: 1, v: 2, armLength: 0.2, band: 0.03)
    /// The lever starts pointing at the robot.
    static let startAngle = Double.pi
    /// The goal is the end of the upright lever.
    static let goalAngle = Double.pi / 2
    /// The lever turns from pointing at the robot to just past upright.
    static let angleLimits = (Double.pi / 2 - 0.05)...Double.pi
    /// The expert lifts the lever's end round its arc.
    static let turn = -1.0

    /// The task with Meta-World's ranges.
    public init() {}

    /// `lever-pull`.
    public var name: String { "lever-pull" }
    /// What the task asks.
    public var summary: String { "Lift a lever that points at the robot until it stands upright." }
    /// Meta-World's criterion.
    public var successCriterion: String { "lever angle within pi/24 of pi/2" }
    /// Lever end at x in [-0.1, 0.1], y in [0.6, 0.65], z 0.15 (axis 20 cm behind it); the goal is the end
    /// with the lever upright, 20 cm above the axis.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.6, 0.15), upper: Vector3(0.1, 0.65, 0.15)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.8, 0.35), upper: Vector3(0.1, 0.85, 0.35)))
    }

    /// The lever's solid base behind the axis.
    func boxes(axis: Vector3) -> [SceneBox] {
        [SceneBox(lower: Vector3(axis.x - 0.05, axis.y + 0.02, 0), upper: Vector3(axis.x + 0.05, axis.y + 0.12, axis.z + 0.05))]
    }

    /// Reward from the end-goal distance; success from the lever's angle.
    public func evaluate(_ scene: Scene) -> Evaluation {
        if abs(scene.joint - .pi / 2) <= Self.angleTolerance { return Evaluation(reward: 10, success: true) }
        let evaluation = Self.mechanism.evaluate(scene, goalRadius: Self.goalRadius, turn: Self.turn)
        return Evaluation(reward: evaluation.reward, success: false)
    }

    /// Come in under the lever's end from the front, then lift it round its arc.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, turn: Self.turn, entryOffset: Vector3(0, -0.06, 0))
    }
}
