import GradientCombiners

/// What one update measured, per task, for the training log.
///
/// The agent keeps one value and refills it at every update (returning it shares the storage), so an
/// update does not allocate as long as the caller does not hold on to the previous update's statistics.
public struct UpdateStatistics: Codable, Equatable, Sendable {
    /// Critic loss of each task: mean over its rows of (Q1 - y)^2 + (Q2 - y)^2.
    public var criticLoss: [Float]
    /// Actor loss of each task: mean over its rows of alpha_k log pi - min(Q1, Q2).
    public var actorLoss: [Float]
    /// Temperature alpha_k of each task after the update.
    public var temperature: [Float]
    /// Policy entropy estimate of each task, -mean log pi over its rows.
    public var entropy: [Float]
    /// What the critic combiner did: task weights and the conflict diagnostics of the critics' per-task gradients.
    public var criticCombination: CombinationReport
    /// What the actor combiner did: task weights and the conflict diagnostics of the actor's per-task gradients.
    public var actorCombination: CombinationReport

    /// Zeroed statistics for `taskCount` tasks.
    public init(taskCount: Int) {
        criticLoss = [Float](repeating: 0, count: taskCount)
        actorLoss = [Float](repeating: 0, count: taskCount)
        temperature = [Float](repeating: 0, count: taskCount)
        entropy = [Float](repeating: 0, count: taskCount)
        criticCombination = CombinationReport(taskCount: taskCount)
        actorCombination = CombinationReport(taskCount: taskCount)
    }

    /// Conflict diagnostics of the critics' per-task gradients.
    public var criticConflicts: ConflictDiagnostics { criticCombination.diagnostics }

    /// Conflict diagnostics of the actor's per-task gradients.
    public var actorConflicts: ConflictDiagnostics { actorCombination.diagnostics }
}
