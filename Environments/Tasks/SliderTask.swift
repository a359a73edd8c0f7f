/// A task whose only fixture is one `SliderMechanism` (buttons, press and pull handles, door locks),
/// configured by a few static constants; the task itself states its ranges and fixture boxes.
///
/// The defaults: the goal is the rest position moved by `goalOffset`; the scene is the mechanism's with
/// travel `travel` and the task's `boxes(rest:)`; the reward and success are the mechanism's
/// (`2 reach + 6 H(reach, inPlace)`, 10 once the fixture is within `goalTolerance` of the goal along its
/// axis); the expert is the mechanism's push, reaching the fixture along `approach`.
protocol SliderTask: ManipulationTask {
    /// The fixture's slide.
    static var mechanism: SliderMechanism { get }
    /// The goal relative to the fixture's rest position.
    static var goalOffset: Vector3 { get }
    /// Success when the fixture is within this distance of the goal along the slide's axis.
    static var goalTolerance: Double { get }
    /// The fixture's travel from rest along the axis, limits included.
    static var travel: ClosedRange<Double> { get }
    /// The direction the expert's fingertip moves in toward the fixture before pushing it.
    static var approach: Vector3 { get }
    /// The scene's boxes for a fixture resting at `rest`; `boxes[1]` is the drawn fixture, moving with it.
    func boxes(rest: Vector3) -> [SceneBox]
}

extension SliderTask {
    /// Ranges with the fixture's rest positions in `rest` and the goals `goalOffset` away.
    static func ranges(rest: PositionRange) -> ResetRanges {
        ResetRanges(object: rest, goal: PositionRange(lower: rest.lower + goalOffset, upper: rest.upper + goalOffset))
    }

    /// The goal is the sampled rest position moved by `goalOffset`.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let rest = resetRanges.object.sample(using: &generator)
        return Layout(object: rest, goal: rest + Self.goalOffset)
    }

    /// The fixture at rest among the task's boxes.
    public func makeScene(layout: Layout) -> Scene {
        Self.mechanism.scene(rest: layout.object, goal: layout.goal, lower: Self.travel.lowerBound, upper: Self.travel.upperBound,
                             boxes: boxes(rest: layout.object))
    }

    /// Slide dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.mechanism.apply(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the fixture's offset from the goal along its axis.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.mechanism.evaluate(scene, tolerance: Self.goalTolerance)
    }

    /// Reach the fixture along `approach`, then push it past the goal.
    public func expertAction(for observation: Observation) -> Action {
        Self.mechanism.expertAction(for: observation, approach: Self.approach)
    }
}
