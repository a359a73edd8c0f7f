/// A task whose only fixture is one `RotaryMechanism` whose axis lies `armLength` behind (+y) the arm's
/// end at reset (dials, faucet handles, levers), configured by a few static constants; the task itself
/// states its ranges and fixture boxes.
///
/// The defaults: the goal is the arm's end at `goalAngle`; the scene starts the arm at `startAngle`,
/// kept within `angleLimits`; the reward and success are the mechanism's (`2 reach + 6 H(reach,
/// inPlace)`, 10 once the end is within `goalRadius` of the goal); the expert pushes the end round its
/// arc in the direction `turn` (+1 increasing angle, -1 decreasing).
protocol RotaryTask: ManipulationTask {
    /// The turning arm.
    static var mechanism: RotaryMechanism { get }
    /// The arm's angle at reset.
    static var startAngle: Double { get }
    /// The arm's angle at the goal.
    static var goalAngle: Double { get }
    /// The range the arm's angle is kept in.
    static var angleLimits: ClosedRange<Double> { get }
    /// Success radius of the arm's end around the goal, metres.
    static var goalRadius: Double { get }
    /// The direction the expert turns the arm: +1 increasing angle, -1 decreasing.
    static var turn: Double { get }
    /// The scene's boxes for an arm turning about `axis`.
    func boxes(axis: Vector3) -> [SceneBox]
}

extension RotaryTask {
    /// The axis point of an arm whose end rests at `end`.
    static func axis(end: Vector3) -> Vector3 {
        end + Vector3(0, mechanism.armLength, 0)
    }

    /// The goal is the arm's end turned to `goalAngle`.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let end = resetRanges.object.sample(using: &generator)
        return Layout(object: end, goal: Self.mechanism.end(anchor: Self.axis(end: end), angle: Self.goalAngle))
    }

    /// The arm at `startAngle` among the task's boxes.
    public func makeScene(layout: Layout) -> Scene {
        let axis = Self.axis(end: layout.object)
        return Self.mechanism.scene(anchor: axis, angle: Self.startAngle, goal: layout.goal,
                                    lower: Self.angleLimits.lowerBound, upper: Self.angleLimits.upperBound, boxes: boxes(axis: axis))
    }

    /// Arm dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the end-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, goalRadius: Self.goalRadius, turn: Self.turn)
    }

    /// Come down beside the arm's end and push it round its arc in the direction `turn`.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, turn: Self.turn)
    }
}
