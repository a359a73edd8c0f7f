/// `faucet-close`: turn a faucet's handle closed (Meta-World `faucet-close-v3`).
///
/// The handle turns about the faucet's vertical axis; closed is a quarter turn to the left (-x).
/// Reward: `2 reach + 6 H(reach, inPlace)` on the TCP-handle and handle-goal distances, 10 when the
/// handle is within 7 cm of the goal.
public struct FaucetClose: ManipulationTask {
    /// Success radius of the handle's end around the goal, metres.
    public static let goalRadius = 0.07
    /// The faucet's handle: an arm 17.5 cm long turning about a vertical axis.
    static let mechanism = RotaryMechanism(u: 0, v: 1, armLength: 0.175, band: 0.03)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `faucet-close`.
    public var name: String { "faucet-close" }
    /// What the task asks.
    public var summary: String { "Turn a faucet's handle a quarter turn to the left." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from handle end to goal <= 0.07" }
    /// Handle end toward the robot at x in [-0.05, 0.05], y in [0.625, 0.675], z 0.125 (faucet axis 17.5 cm
    /// behind it); the goal is the end turned a quarter to the left.
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.05, 0.625, 0.125), upper: Vector3(0.05, 0.675, 0.125)),
                    goal: PositionRange(lower: Vector3(-0.225, 0.8, 0.125), upper: Vector3(-0.125, 0.85, 0.125)))
    }

    /// The goal is the handle's end a quarter turn to the left.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let handle = resetRanges.object.sample(using: &generator)
        let axis = handle + Vector3(0, Self.mechanism.armLength, 0)
        return Layout(object: handle, goal: Self.mechanism.end(anchor: axis, angle: -.pi))
    }

    /// The faucet's solid body under the axis, and the handle pointing at the robot.
    public func makeScene(layout: Layout) -> Scene {
        let axis = layout.object + Vector3(0, Self.mechanism.armLength, 0)
        let body = SceneBox(lower: Vector3(axis.x - 0.03, axis.y - 0.03, 0), upper: Vector3(axis.x + 0.03, axis.y + 0.03, 0.1))
        return Self.mechanism.scene(anchor: axis, angle: -.pi / 2, goal: layout.goal, lower: -.pi - 0.1, upper: 0.1, boxes: [body])
    }

    /// Handle dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the handle-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, goalRadius: Self.goalRadius)
    }

    /// Come down beside the handle's end and push it round its arc to the left.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, turn: -1)
    }
}
