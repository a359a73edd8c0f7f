/// How the rows of a batch belong to tasks: `taskCount` contiguous blocks of `rowsPerTask` rows,
/// task k owning rows `k * rowsPerTask ..< (k + 1) * rowsPerTask`.
///
/// The agent samples the same number of transitions from every task's replay buffer, so its batches
/// have this shape; it is what lets one backward pass produce every task's gradient (each task's
/// weight gradient is the product over its own row block).
public struct TaskBatchLayout: Equatable, Codable, Sendable {
    /// Number of tasks K (also the number of heads used).
    public let taskCount: Int
    /// Rows per task B.
    public let rowsPerTask: Int

    /// K blocks of B rows.
    public init(taskCount: Int, rowsPerTask: Int) {
        precondition(taskCount >= 1 && rowsPerTask >= 1, "TaskBatchLayout: needs at least one task and one row per task, got \(taskCount) tasks x \(rowsPerTask) rows")
        self.taskCount = taskCount
        self.rowsPerTask = rowsPerTask
    }

    /// Total rows, K * B.
    public var rowCount: Int { taskCount * rowsPerTask }

    /// The rows of task `task`.
    public func rows(ofTask task: Int) -> Range<Int> {
        precondition(task >= 0 && task < taskCount, "TaskBatchLayout: task \(task) out of range 0..<\(taskCount)")
        return task * rowsPerTask..<(task + 1) * rowsPerTask
    }
}
