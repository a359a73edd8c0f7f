import LinearAlgebra
import NeuralNetworks

/// Per-task reward scaling by a running estimate of each task's return scale, so that every task's
/// critic sees values of one size and no task dominates the shared trunk (without it, MT10's per-task
/// critic losses span 0.8 to 114).
///
/// For every task it follows the discounted return of the episode in progress, G <- gamma G + r (reset
/// at every episode end), and keeps the running variance of G over all steps seen and the largest |G|.
/// A sampled reward r of task k is used as r * scale_k with
/// `scale_k = targetDeviation / max(std(G_k), max|G_k| / 10, 1e-3)`:
/// the return's spread is brought to `targetDeviation`, and the second bound keeps a task whose returns
/// barely vary (nothing learned yet) from being blown up by more than ten times its largest return
/// (FastTD3's and BRC's reward normaliser, with their g_max of 10). Rewards are stored raw and scaled
/// when sampled, so the whole replay buffer uses the current scale. Checkpoints keep it as JSON, whose
/// numbers round-trip Doubles exactly, so a resumed run scales exactly as the uninterrupted one.
public struct ReturnNormalizer: Codable, Sendable, Equatable {
    /// Number of tasks.
    public let taskCount: Int
    /// The discount of the returns followed (the agent's gamma).
    public let discount: Double
    /// The standard deviation the normalised returns are brought to.
    public let targetDeviation: Double
    /// Each task's discounted return of the episode in progress.
    public internal(set) var runningReturns: [Double]
    /// Steps observed per task.
    public internal(set) var counts: [Double]
    /// Running mean of each task's G.
    public internal(set) var means: [Double]
    /// Running sum of squared deviations of each task's G (Welford's M2).
    public internal(set) var squaredDeviations: [Double]
    /// The largest |G| seen per task.
    public internal(set) var largestReturns: [Double]

    /// No steps seen: every scale is `targetDeviation / 1e-3` until the first observation.
    public init(taskCount: Int, discount: Double, targetDeviation: Double) {
        precondition(taskCount >= 1 && targetDeviation > 0, "ReturnNormalizer: needs tasks and a positive target deviation, got \(taskCount), \(targetDeviation)")
        self.taskCount = taskCount
        self.discount = discount
        self.targetDeviation = targetDeviation
        runningReturns = [Double](repeating: 0, count: taskCount)
        counts = runningReturns
        means = runningReturns
        squaredDeviations = runningReturns
        largestReturns = runningReturns
    }

    /// Follows one environment step of every task: `rewards[k]` is task k's raw reward and
    /// `episodeEnded[k]` says whether its episode ended with this step.
    public mutating func observe(rewards: [Float], episodeEnded: [Bool]) {
        precondition(rewards.count == taskCount && episodeEnded.count == taskCount,
                     "ReturnNormalizer.observe: \(rewards.count) rewards and \(episodeEnded.count) flags for \(taskCount) tasks")
        for task in 0..<taskCount {
            let value = discount * runningReturns[task] + Double(rewards[task])
            counts[task] += 1
            let delta = value - means[task]
            means[task] += delta / counts[task]
            squaredDeviations[task] += delta * (value - means[task])
            largestReturns[task] = max(largestReturns[task], abs(value))
            runningReturns[task] = episodeEnded[task] ? 0 : value
        }
    }

    /// The factor task `task`'s rewards are multiplied by.
    public func scale(ofTask task: Int) -> Float {
        let variance = counts[task] > 1 ? squaredDeviations[task] / (counts[task] - 1) : 0
        let denominator = max(variance.squareRoot(), largestReturns[task] / 10, 1e-3)
        return Float(targetDeviation / denominator)
    }

    /// Multiplies every row of task k in `rewards` (a batch's reward column, laid out by `layout`) by
    /// task k's scale.
    public func normalize(_ rewards: inout Matrix, layout: TaskBatchLayout) {
        precondition(layout.taskCount == taskCount && rewards.rows == layout.rowCount,
                     "ReturnNormalizer.normalize: \(rewards.rows) rewards in \(layout.taskCount) task blocks, the normaliser has \(taskCount) tasks")
        for task in 0..<taskCount {
            let factor = scale(ofTask: task)
            for row in layout.rows(ofTask: task) { rewards.storage[row] *= factor }
        }
    }
}
