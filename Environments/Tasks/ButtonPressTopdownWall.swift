/// `button-press-topdown-wall`: press a spring button down from above, with a wall in front of it
/// (Meta-World `button-press-topdown-wall-v3`).
///
/// The button, its pedestal, reward and success are those of `button-press-topdown`; a 25 cm wall stands
/// across the table in front of the pedestal, so the hand comes in over it.
public struct ButtonPressTopdownWall: ManipulationTask {
    /// The plain task this one adds the wall to.
    static let base = ButtonPressTopdown()
    /// Height of the wall's top.
    public static let wallTop = 0.25

    /// The task with Meta-World's ranges.
    public init() {}

    /// `button-press-topdown-wall`.
    public var name: String { "button-press-topdown-wall" }
    /// What the task asks.
    public var summary: String { "Reach over a wall and press a spring button on a pedestal down from above." }
    /// Meta-World's criterion.
    public var successCriterion: String { "button top height within 0.024 of the goal height" }
    /// Those of `button-press-topdown`.
    public var resetRanges: ResetRanges { Self.base.resetRanges }

    /// The goal lies under the button top, at the pressed height.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        Self.base.sampleLayout(using: &generator)
    }

    /// The pedestal and button of `button-press-topdown`, plus the wall 10 cm in front of the button.
    public func makeScene(layout: Layout) -> Scene {
        var scene = Self.base.makeScene(layout: layout)
        let c = layout.object
        scene.boxes.append(SceneBox(lower: Vector3(c.x - 0.15, c.y - 0.12, 0), upper: Vector3(c.x + 0.15, c.y - 0.1, Self.wallTop)))
        return scene
    }

    /// Button dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        Self.base.applyDynamics(to: &scene, previousTCP: previousTCP)
    }

    /// Reward and success from the button top's height.
    public func evaluate(_ scene: Scene) -> Evaluation {
        Self.base.evaluate(scene)
    }

    /// Rise above the wall and the button, move over it, press straight down.
    public func expertAction(for observation: Observation) -> Action {
        Self.base.expertAction(for: observation)
    }
}
