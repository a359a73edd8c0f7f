/// A closed box of positions from which a reset samples uniformly, per axis.
public struct PositionRange: Sendable, Equatable {
    /// Smallest coordinates.
    public var lower: Vector3
    /// Largest coordinates (equal to `lower` on an axis that is not randomised).
    public var upper: Vector3

    /// The box `lower`...`upper`.
    public init(lower: Vector3, upper: Vector3) {
        self.lower = lower
        self.upper = upper
    }

    /// The single point `point` (nothing randomised).
    public init(point: Vector3) {
        lower = point
        upper = point
    }

    /// A uniform sample, axis by axis, in the order x, y, z.
    public func sample(using generator: inout SplitMix64) -> Vector3 {
        Vector3(generator.uniform(lower.x, upper.x), generator.uniform(lower.y, upper.y), generator.uniform(lower.z, upper.z))
    }

    /// Whether `point` lies in the box, allowing `tolerance` metres of rounding.
    public func contains(_ point: Vector3, tolerance: Double = 1e-9) -> Bool {
        (0..<3).allSatisfy { point[$0] >= lower[$0] - tolerance && point[$0] <= upper[$0] + tolerance }
    }
}

/// The ranges a task's layouts are drawn from (Meta-World's `obj_low/obj_high` and `goal_low/goal_high`).
public struct ResetRanges: Sendable, Equatable {
    /// Where the task's object (or fixture) is placed.
    public var object: PositionRange
    /// Where the goal is placed. Tasks whose goal follows from the object (a door's open position) still
    /// declare the range their derived goals fall in, so tests can check every layout.
    public var goal: PositionRange

    /// Ranges for the object and the goal.
    public init(object: PositionRange, goal: PositionRange) {
        self.object = object
        self.goal = goal
    }
}

/// One sampled arrangement of a task: where its object (or fixture) starts and where the goal is.
public struct Layout: Sendable, Equatable {
    /// The object's (or fixture's) initial position.
    public var object: Vector3
    /// The goal position, shown in the observation at 36..<39.
    public var goal: Vector3

    /// A layout with the given object and goal positions.
    public init(object: Vector3, goal: Vector3) {
        self.object = object
        self.goal = goal
    }
}

/// What a task makes of the current scene: the step's reward and whether the task is solved now.
public struct Evaluation: Sendable, Equatable {
    /// Shaped reward in [0, 10] (10 inside the solved zone for most tasks).
    public var reward: Double
    /// Whether the success criterion holds at this step (it does not latch).
    public var success: Bool

    /// An evaluation with the given reward and success flag.
    public init(reward: Double, success: Bool) {
        self.reward = reward
        self.success = success
    }
}

/// A policy's command: `x, y, z` move the hand target by `0.01 * a` metres, `w` drives the gripper
/// (+1 closes, -1 opens). The simulator treats NaN as 0 and clips every component to [-1, 1].
public typealias Action = SIMD4<Double>

/// A manipulation task on the shared tabletop: one struct per task, holding its description, reset
/// ranges, fixture dynamics, reward, success criterion and scripted expert.
///
/// The simulator (`TaskEnvironment`) owns the mechanics every task shares (hand, gripper, grasping,
/// pushing, falling, walls, the observation, truncation). A task describes only what is particular to it:
///
/// - `sampleLayout` draws one layout from `resetRanges` (the default samples object then goal uniformly);
/// - `makeScene` builds the initial scene of a layout: bodies, goal, walls and fixture state. The
///   environment calls it once per layout when it is created, so a reset is a copy;
/// - `applyDynamics` moves the task's fixtures after the hand has moved (a drawer dragged by the
///   fingertip, a button pressed, a door swung); loose objects need none;
/// - `evaluate` is a pure function of the scene: the reward in [0, 10] and the success flag;
/// - `expertAction` is a scripted policy that reads only the 39-float observation.
///
/// Adding a task means writing one such struct in `Environments/Tasks/` and adding one line to the
/// ordered list in `TaskCatalog`.
public protocol ManipulationTask: Sendable {
    /// Meta-World's kebab-case name without version suffix, such as `"drawer-open"`.
    var name: String { get }
    /// One line saying what the task asks of the robot.
    var summary: String { get }
    /// The success criterion in words, as Meta-World defines it (distances in metres).
    var successCriterion: String { get }
    /// The ranges layouts are sampled from.
    var resetRanges: ResetRanges { get }
    /// Draws one layout from `resetRanges`.
    func sampleLayout(using generator: inout SplitMix64) -> Layout
    /// The scene at the start of an episode with `layout`.
    func makeScene(layout: Layout) -> Scene
    /// Moves the task's fixtures after the hand moved from a TCP at `previousTCP` (no-op by default).
    func applyDynamics(to scene: inout Scene, previousTCP: Vector3)
    /// The reward in [0, 10] and success flag of `scene`; pure.
    func evaluate(_ scene: Scene) -> Evaluation
    /// The scripted expert's action, computed from the observation alone.
    func expertAction(for observation: Observation) -> Action
}

extension ManipulationTask {
    /// Samples the object position, then the goal position, uniformly in their ranges.
    public func sampleLayout(using generator: inout SplitMix64) -> Layout {
        let object = resetRanges.object.sample(using: &generator)
        let goal = resetRanges.goal.sample(using: &generator)
        return Layout(object: object, goal: goal)
    }

    /// Loose objects need no task dynamics.
    public func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {}
}
