import Environments

/// One row of a batch: one task's environment behind a class, so rows of different task types sit in
/// one array and each step is a single dynamic call into the concrete task's code.
protocol RowEnvironment: AnyObject {
    /// The task's Meta-World name.
    var taskName: String { get }
    /// Number of pre-sampled layouts (50).
    var layoutCount: Int { get }
    /// Starts a new episode on layout `layout` (in `0..<layoutCount`).
    func reset(layout: Int)
    /// Advances one step with the four floats at `action` (already checked to be finite) and writes the
    /// 39-float observation it produced to `observation`.
    func step(action: UnsafePointer<Float>, observation: UnsafeMutablePointer<Float>) -> StepOutcome
    /// Writes the 39-float observation to `destination`.
    func writeObservation(to destination: UnsafeMutablePointer<Float>)
    /// The task's scripted expert action for the 39 floats at `observation`.
    func expertAction(observation: UnsafePointer<Float>) -> Action
}

/// The class holding one concrete task's environment.
final class TaskRow<T: ManipulationTask>: RowEnvironment {
    private var environment: TaskEnvironment<T>

    init(_ environment: TaskEnvironment<T>) {
        self.environment = environment
    }

    var taskName: String { environment.task.name }
    var layoutCount: Int { environment.layouts.count }

    func reset(layout: Int) {
        environment.reset(layout: layout)
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

/// Builds the row for `task` (opens the existential once, at construction). Layouts come from `seed` and
/// the task's name, exactly as in `Suite`, so a row has the layouts `mtrl` uses with the same seed.
func makeRow<T: ManipulationTask>(_ task: T, seed: UInt64, horizon: Int) -> any RowEnvironment {
    TaskRow(TaskEnvironment(task: task, seed: seed, horizon: horizon, layoutMode: .fixed))
}
