import ArgumentParser
import Environments

/// Which task list a command works on: the implemented tasks, or one of Meta-World's suites.
enum TaskListChoice: String, ExpressibleByArgument, CaseIterable {
    /// Every implemented task, in MT50 order.
    case all
    /// Meta-World MT10, in its one-hot order.
    case mt10
    /// Meta-World MT50, in its one-hot order (an error lists missing tasks until all fifty exist).
    case mt50

    /// The tasks of this list; throws a `CommandFailure` naming missing tasks when MT50 is incomplete.
    func tasks() throws -> [any ManipulationTask] {
        switch self {
        case .all: return TaskCatalog.all
        case .mt10: return TaskCatalog.mt10
        case .mt50:
            do { return try TaskCatalog.mt50() } catch let error as EnvironmentError { throw CommandFailure(error.description) }
        }
    }
}

/// `mtrl tasks`: lists tasks in suite order with their one-line descriptions and success criteria.
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "List the tasks of a suite in one-hot order, with what each asks and its success criterion.")

    @Option(help: "Which tasks: \(TaskListChoice.allCases.map(\.rawValue).joined(separator: ", ")) (all = every implemented task).")
    var suite: TaskListChoice = .all

    func run() throws {
        let tasks = try suite.tasks()
        let width = tasks.map(\.name.count).max() ?? 0
        for (index, task) in tasks.enumerated() {
            let padded = task.name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("\(String(index).leftPadded(to: 2))  \(padded)  \(task.summary)")
            print("    \(String(repeating: " ", count: width))  success: \(task.successCriterion)")
        }
    }
}

extension String {
    /// The string right-aligned in `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
