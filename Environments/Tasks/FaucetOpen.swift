/// `faucet-open`: turn a faucet's handle open (Meta-World `faucet-open-v3`).
///
/// The handle turns about the faucet's vertical axis; open is a quarter turn to the right (toward +x,
/// counterclockwise seen from above).
/// Reward: `2 reach + 6 H(reach, inPlace)`, reach to where the fingers hold the handle on the side they
/// push it from (`RotaryMechanism.pushingTouch`) and inPlace on the handle-goal distance, 10 when the
/// handle is within 7 cm of the goal.
public struct FaucetOpen: RotaryTask {
    /// Success radius of the handle's end around the goal, metres.
    public static let goalRadius = 0.07
    /// The faucet's handle: an arm 17.5 cm long turning about a vertical axis.
    static let mechanism = RotaryMechanism(u: 0, v: 1, armLength: 0.175, band: 0.03)
    /// The handle starts pointing at the robot.
    static let startAngle = -Double.pi / 2
    /// The goal is the handle's end a quarter turn to the right.
    static let goalAngle = 0.0
    /// The handle turns through a half turn, a little more each way.
    static let angleLimits = (-Double.pi - 0.1)...0.1
    /// The expert comes down beside the handle's end and pushes it round its arc to the right.
    static let turn = 1.0

    /// The task with Meta-World's ranges.
    public init() {}

    /// `faucet-open`.
    public var name: String { "faucet-open" }
    /// What the task asks.
    public var summary: String { "Turn a faucet's handle a quarter turn to the right." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle end to goal <= 0.07" }
    /// Handle end toward the robot at x in [-0.05, 0.05], y in [0.625, 0.675], z 0.125 (faucet axis 17.5 cm
    /// behind it); the goal is the end turned a quarter to the right.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.625, 0.125), upper: Vector3(0.05, 0.675, 0.125)),
                    goal: PositionRange(lower: Vector3(0.125, 0.8, 0.125), upper: Vector3(0.225, 0.85, 0.125)))
    }

    /// The faucet's solid body under the axis.
    func boxes(axis: Vector3) -> [SceneBox] {
        [SceneBox(lower: Vector3(axis.x - 0.03, axis.y - 0.03, 0), upper: Vector3(axis.x + 0.03, axis.y + 0.03, 0.1))]
    }
}
