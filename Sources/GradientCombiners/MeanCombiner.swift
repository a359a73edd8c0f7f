import LinearAlgebra

/// Plain multi-task training: every task weighs the same, 1/K (`mean`) or 1 (`sum`).
///
/// It still forms the Gram matrix, so its report carries the same conflict diagnostics as the
/// surgical combiners and a baseline run logs how much its tasks conflict.
public struct MeanCombiner: GradientCombiner {
    public let taskCount: Int
    /// Average (weights 1/K) or add up (weights 1) the task gradients.
    public let reduction: GradientReduction
    private var workspace: GramWorkspace
    private var weights: [Double]

    /// A mean (or sum) combiner for `taskCount` (at least 1) tasks.
    public init(taskCount: Int, reduction: GradientReduction = .mean) throws {
        try CombinerOptions().validate(taskCount: taskCount, kind: reduction == .mean ? .mean : .sum)
        self.taskCount = taskCount
        self.reduction = reduction
        workspace = GramWorkspace(taskCount: taskCount)
        let weight = reduction == .mean ? 1 / Double(taskCount) : 1
        weights = [Double](repeating: weight, count: taskCount)
    }

    public var name: String { reduction == .mean ? CombinerKind.mean.rawValue : CombinerKind.sum.rawValue }

    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws {
        try workspace.load(gradients, combined: combined)
        workspace.finish(weights: weights, gradients: gradients, into: &combined, solver: nil, report: &report)
    }

    public var state: CombinerState { CombinerState(combiner: name, taskCount: taskCount, generator: nil) }

    public mutating func restore(_ state: CombinerState) throws {
        try state.check(combiner: name, taskCount: taskCount)
    }
}
