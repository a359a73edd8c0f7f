import Environments

/// A list of tasks named in text: `mt10`, `mt50`, `all`, `mt1:<task>`, one task name, or task names
/// separated by commas (a Meta-World `-v3` suffix is accepted on every name).
enum TaskSelection {
    /// The tasks `text` names, in order; throws `BatchError.invalidArgument` naming the valid choices.
    static func tasks(_ text: String) throws(BatchError) -> [any ManipulationTask] {
        let lowered = String(text.lowercased().filter { $0 != " " })
        switch lowered {
        case "mt10": return TaskCatalog.mt10
        case "mt50", "all":
            do { return lowered == "all" ? TaskCatalog.all : try TaskCatalog.mt50() } catch { throw .invalidArgument("\(error)") }
        default: break
        }
        let bare = lowered.hasPrefix("mt1:") ? String(lowered.dropFirst(4)) : lowered
        let names = bare.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !names.isEmpty, !bare.isEmpty else {
            throw .invalidArgument("no tasks named; give mt10, mt50, a task name or task names separated by commas (valid tasks: \(TaskCatalog.names.joined(separator: ", ")))")
        }
        var tasks = [any ManipulationTask]()
        for name in names {
            do { tasks.append(try TaskCatalog.task(named: name)) } catch { throw .invalidArgument("\(error)") }
        }
        let distinct = Set(tasks.map(\.name))
        guard distinct.count == tasks.count else {
            throw .invalidArgument("'\(text)' names a task twice; ask for copies of each task instead")
        }
        return tasks
    }
}
