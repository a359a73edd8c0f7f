/// One task's environment behind a class, so that environments of different task types sit in one
/// array and each is stepped with a single dynamic call (everything inside is the concrete task's code).
/// `Suite` holds its tasks this way, and so does the C interface (`MTRLEnvironmentsC`).
public protocol EnvironmentSlot: AnyObject {
    /// The task's Meta-World name.
    var taskName: String { get }
    /// Number of pre-sampled layouts (50).
    var layoutCount: Int { get }
    /// The current state.
    var scene: Scene { get }
    /// Starts a new episode as the layout mode chooses and writes its first observation.
    func reset(observation: UnsafeMutablePointer<Float>)
    /// Starts a new episode on layout `layout` (in `0..<layoutCount`) and writes its first observation.
    func reset(layout: Int, observation: UnsafeMutablePointer<Float>)
    /// Advances one step with the four floats at `action` and writes the 39-float observation it produced.
    func step(action: UnsafePointer<Float>, observation: UnsafeMutablePointer<Float>) -> StepOutcome
    /// Writes the current 39-float observation to `destination`.
    func writeObservation(to destination: UnsafeMutablePointer<Float>)
    /// The task's scripted expert action for the 39 floats at `observation`.
    func expertAction(observation: UnsafePointer<Float>) -> Action
}

/// The class that holds one concrete task's environment.
final class TaskSlot<T: ManipulationTask>: EnvironmentSlot {
    var environment: TaskEnvironment<T>

    init(_ environment: TaskEnvironment<T>) {
        self.environment = environment
    }

    var taskName: String { environment.task.name }
    var layoutCount: Int { environment.layouts.count }
    var scene: Scene { environment.scene }

    func reset(observation: UnsafeMutablePointer<Float>) {
        environment.reset()
        environment.writeObservation(to: observation)
    }

    func reset(layout: Int, observation: UnsafeMutablePointer<Float>) {
        environment.reset(layout: layout)
        environment.writeObservation(to: observation)
    }

    func step(action: UnsafePointer<Float>, observation: UnsafeMutablePointer<Float>) -> StepOutcome {
        let outcome = environment.step(action)
        environment.writeObservation(to: observation)
        return outcome
    }

    func writeObservation(to destination: UnsafeMutablePointer<Float>) {
        environment.writeObservation(to: destination)
    }

    func expertAction(observation: UnsafePointer<Float>) -> Action {
        environment.task.expertAction(for: Observation(UnsafeBufferPointer(start: observation, count: ObservationLayout.size)))
    }
}

/// The slot holding `task`'s environment, with layouts fixed by `seed` and the task's name (opens the
/// existential once, at construction).
public func makeEnvironmentSlot<T: ManipulationTask>(_ task: T, seed: UInt64, horizon: Int, layoutMode: LayoutMode) -> any EnvironmentSlot {
    TaskSlot(TaskEnvironment(task: task, seed: seed, horizon: horizon, layoutMode: layoutMode))
}
