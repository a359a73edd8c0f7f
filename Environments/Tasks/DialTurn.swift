/// `dial-turn`: turn a dial half a turn (Meta-World `dial-turn-v3`).
///
/// A dial of radius 6 cm on a solid base; the observed point is on its rim, starting on the side facing
/// the robot, and the goal is the rim point after half a turn counterclockwise. The fingertip turns the
/// dial by pushing its rim. Reward: `2 reach + 6 H(reach, inPlace)`, reach to where the fingers hold
/// the rim on the side they push it from (`RotaryMechanism.pushingTouch`) and inPlace on the rim-goal
/// distance, 10 when the rim point is within 7 cm of the goal.
public struct DialTurn: RotaryTask {
    /// Success radius of the rim point around the goal, metres.
    public static let goalRadius = 0.07
    /// The dial's rim point: 6 cm from a vertical axis.
    static let mechanism = RotaryMechanism(u: 0, v: 1, armLength: 0.06, band: 0.03)
    /// The rim point starts facing the robot.
    static let startAngle = -Double.pi / 2
    /// The goal is the rim point half a turn on.
    static let goalAngle = Double.pi / 2
    /// The dial turns freely.
    static let angleLimits = -Double.pi...Double.pi
    /// The expert comes down left of the rim point and pushes the rim round counterclockwise.
    static let turn = 1.0

    /// The task with Meta-World's ranges.
    public init() {}

    /// `dial-turn`.
    public var name: String { "dial-turn" }
    /// What the task asks.
    public var summary: String { "Turn a dial half a turn by pushing its rim." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from the point on the dial rim to goal <= 0.07" }
    /// Rim point at x in [-0.1, 0.1], y in [0.64, 0.74], z 0.06 (dial centre 6 cm behind it); the goal is
    /// the point opposite, 12 cm further.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.1, 0.64, 0.06), upper: Vector3(0.1, 0.74, 0.06)),
                    goal: PositionRange(lower: Vector3(-0.1, 0.76, 0.06), upper: Vector3(0.1, 0.86, 0.06)))
    }

    /// The dial's solid base.
    func boxes(axis: Vector3) -> [SceneBox] {
        [SceneBox(lower: Vector3(axis.x - 0.04, axis.y - 0.04, 0), upper: Vector3(axis.x + 0.04, axis.y + 0.04, 0.04))]
    }
}
