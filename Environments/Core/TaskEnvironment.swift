/// How a reset chooses among a task's pre-sampled layouts.
public enum LayoutMode: String, Sendable, CaseIterable {
    /// Draw one of the 50 layouts uniformly at every reset (Meta-World's training wrapper; today's standard).
    case resampled
    /// Keep the first layout for the whole run (the older papers' "fixed goal" setting).
    case fixed
}

/// The result of one step of a single task.
public struct StepOutcome: Sendable, Equatable {
    /// Shaped reward in [0, 10].
    public var reward: Double
    /// Whether the success criterion holds at this step.
    public var success: Bool
    /// Whether the episode reached the horizon with this step (the environment never terminates itself).
    public var truncated: Bool
}

/// One task on the tabletop simulator: the environment a policy acts in.
///
/// It pre-samples `Tabletop.layoutCount` layouts from the task's ranges with a generator seeded by
/// `seed` and the task's name, and builds each layout's initial scene once, so a reset copies a scene.
/// `step` sanitises the action (NaN becomes 0, components are clipped to [-1, 1], so nothing invalid
/// reaches the state), moves the hand, drives the gripper, lets the task move its fixtures, pushes and
/// drops loose bodies, and evaluates. It never terminates; it reports truncation at `horizon` steps, and
/// the caller resets. Stepping does not allocate.
public struct TaskEnvironment<T: ManipulationTask>: Sendable {
    /// The task being simulated.
    public let task: T
    /// Steps per episode before truncation (150 by default, 500 in Meta-World v3).
    public let horizon: Int
    /// How resets choose a layout.
    public let layoutMode: LayoutMode
    /// The pre-sampled layouts, fixed by the seed.
    public let layouts: [Layout]
    /// The initial scene of each layout.
    public let initialScenes: [Scene]
    /// The current state.
    public private(set) var scene: Scene
    /// The frame (observation 0..<18) before the last step, reported at 18..<36.
    public private(set) var previousFrame: Frame
    /// Steps taken in the current episode.
    public private(set) var stepCount: Int
    /// Index of the current episode's layout in `layouts`.
    public private(set) var layoutIndex: Int
    /// Draws layout indices for resampled resets.
    private var generator: SplitMix64

    /// An environment for `task` whose layouts and reset choices are fixed by `seed`; it starts reset.
    public init(task: T, seed: UInt64 = 0, horizon: Int = Tabletop.defaultHorizon, layoutMode: LayoutMode = .resampled) {
        precondition(horizon > 0, "the horizon must be positive")
        self.task = task
        self.horizon = horizon
        self.layoutMode = layoutMode
        var layoutGenerator = SplitMix64(seed: seed ^ SplitMix64.hash(task.name))
        var sampled: [Layout] = []
        sampled.reserveCapacity(Tabletop.layoutCount)
        for _ in 0..<Tabletop.layoutCount { sampled.append(task.sampleLayout(using: &layoutGenerator)) }
        layouts = sampled
        initialScenes = sampled.map { task.makeScene(layout: $0) }
        generator = SplitMix64(seed: layoutGenerator.next())
        scene = initialScenes[0]
        previousFrame = Frame(scene)
        stepCount = 0
        layoutIndex = 0
        reset()
    }

    /// Starts a new episode: the first layout in `fixed` mode, a uniformly drawn one in `resampled` mode.
    public mutating func reset() {
        let index = layoutMode == .fixed ? 0 : Int(generator.next() % UInt64(layouts.count))
        reset(layout: index)
    }

    /// Starts a new episode on layout `index` (evaluation runs one episode per layout this way).
    public mutating func reset(layout index: Int) {
        precondition(layouts.indices.contains(index), "layout index \(index) is outside 0..<\(layouts.count)")
        layoutIndex = index
        scene = initialScenes[index]
        previousFrame = Frame(scene)
        stepCount = 0
    }

    /// Advances one step with `action` (see `Action`); returns reward, success and truncation.
    public mutating func step(_ action: Action) -> StepOutcome {
        let clean = Self.sanitize(action)
        previousFrame = Frame(scene)
        let previousHand = scene.hand
        let previousTCP = scene.tcp
        scene.moveHand(by: Vector3(clean.x, clean.y, clean.z) * Tabletop.actionScale)
        scene.driveGripper(command: clean.w)
        task.applyDynamics(to: &scene, previousTCP: previousTCP)
        scene.settleBodies(previousHand: previousHand)
        stepCount += 1
        let evaluation = task.evaluate(scene)
        return StepOutcome(reward: evaluation.reward, success: evaluation.success, truncated: stepCount >= horizon)
    }

    /// Steps with an action read from four floats at `action`.
    public mutating func step(_ action: UnsafePointer<Float>) -> StepOutcome {
        step(Action(Double(action[0]), Double(action[1]), Double(action[2]), Double(action[3])))
    }

    /// NaN components become 0, the others are clipped to [-1, 1].
    @inlinable
    public static func sanitize(_ action: Action) -> Action {
        var clean = action
        for i in 0..<4 {
            let value = clean[i]
            clean[i] = value.isNaN ? 0 : min(max(value, -1), 1)
        }
        return clean
    }

    /// The current reward and success, without stepping.
    public var evaluation: Evaluation { task.evaluate(scene) }

    /// Writes the 39-float observation to `destination`.
    @inlinable
    public func writeObservation(to destination: UnsafeMutablePointer<Float>) {
        Frame(scene).write(to: destination)
        previousFrame.write(to: destination + ObservationLayout.frameSize)
        destination[36] = Float(scene.goal.x)
        destination[37] = Float(scene.goal.y)
        destination[38] = Float(scene.goal.z)
    }

    /// The current 39-float observation (allocates an array; use `writeObservation(to:)` in loops).
    public var observation: [Float] {
        [Float](unsafeUninitializedCapacity: ObservationLayout.size) { buffer, count in
            writeObservation(to: buffer.baseAddress!)
            count = ObservationLayout.size
        }
    }

    /// The scripted expert's action for the current observation.
    public func expertAction() -> Action {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: ObservationLayout.size) { buffer in
            writeObservation(to: buffer.baseAddress!)
            return task.expertAction(for: Observation(UnsafeBufferPointer(buffer)))
        }
    }
}

/// The 18 floats of one frame of the observation: hand, gripper, and the two bodies' poses.
public struct Frame: Sendable, Equatable {
    /// Hand position.
    public var hand: Vector3
    /// Gripper opening.
    public var gripper: Double
    /// First body's position (zero when absent).
    public var firstPosition: Vector3
    /// First body's orientation (zero when absent).
    public var firstOrientation: Quaternion
    /// Second body's position (zero when absent).
    public var secondPosition: Vector3
    /// Second body's orientation (zero when absent).
    public var secondOrientation: Quaternion

    /// The frame of `scene`.
    @inlinable
    public init(_ scene: Scene) {
        hand = scene.hand
        gripper = scene.gripper
        let firstPresent = scene.first.kind != .absent
        let secondPresent = scene.second.kind != .absent
        firstPosition = firstPresent ? scene.first.position : .zero
        firstOrientation = firstPresent ? scene.first.orientation : .zero
        secondPosition = secondPresent ? scene.second.position : .zero
        secondOrientation = secondPresent ? scene.second.orientation : .zero
    }

    /// Writes the 18 floats to `destination`.
    @inlinable
    public func write(to d: UnsafeMutablePointer<Float>) {
        d[0] = Float(hand.x); d[1] = Float(hand.y); d[2] = Float(hand.z)
        d[3] = Float(gripper)
        d[4] = Float(firstPosition.x); d[5] = Float(firstPosition.y); d[6] = Float(firstPosition.z)
        d[7] = Float(firstOrientation[0]); d[8] = Float(firstOrientation[1]); d[9] = Float(firstOrientation[2]); d[10] = Float(firstOrientation[3])
        d[11] = Float(secondPosition.x); d[12] = Float(secondPosition.y); d[13] = Float(secondPosition.z)
        d[14] = Float(secondOrientation[0]); d[15] = Float(secondOrientation[1]); d[16] = Float(secondOrientation[2]); d[17] = Float(secondOrientation[3])
    }
}
