import LinearAlgebra

/// CAGrad, conflict-averse gradient descent (Liu et al., NeurIPS 2021).
///
/// The update d maximises the worst task's first-order improvement min_i g_i . d among the directions
/// within c|g0| of the mean gradient g0, so it stays close to plain training (c = 0 is exactly the mean)
/// while refusing to sacrifice any one task. It is found through the dual over the simplex,
/// F(w) = g_w . g0 + c|g0||g_w|, solved by pairwise Frank-Wolfe on the Gram matrix to
/// `CombinerOptions.solverTolerance` (see `CAGradDual` for the degenerate cases). Then
/// d = g0 + (c|g0| / |g_w*|) g_w*, scaled by `cagradRescale` (1/(1+c^2) by default).
public struct CAGradCombiner: GradientCombiner {
    public let taskCount: Int
    /// The settings used (`cagradC`, `cagradRescale`, solver tolerance and iteration limit).
    public let options: CombinerOptions
    private var workspace: GramWorkspace
    private var dual: CAGradDual
    private var linear: [Double]
    private var weights: [Double]

    /// A CAGrad combiner for `taskCount` tasks.
    public init(taskCount: Int, options: CombinerOptions = CombinerOptions()) throws {
        try options.validate(taskCount: taskCount, kind: .cagrad)
        self.taskCount = taskCount
        self.options = options
        workspace = GramWorkspace(taskCount: taskCount)
        dual = CAGradDual(capacity: taskCount)
        linear = [Double](repeating: 0, count: taskCount)
        weights = [Double](repeating: 0, count: taskCount)
    }

    public var name: String { CombinerKind.cagrad.rawValue }

    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws {
        try workspace.load(gradients, combined: combined)
        let k = taskCount
        let a = workspace.gram
        var meanSquaredNorm = 0.0
        for i in 0..<k {
            var total = 0.0
            for j in 0..<k { total += a[i * k + j] }
            linear[i] = total / Double(k)
            meanSquaredNorm += linear[i]
        }
        let meanNorm = max(meanSquaredNorm / Double(k), 0).squareRoot()
        let solverReport = dual.solve(gram: a, linear: linear, count: k, meanNorm: meanNorm, c: options.cagradC, options: options)
        let factor = options.cagradRescale.factor(c: options.cagradC)
        for i in 0..<k { weights[i] = factor * (1 / Double(k) + dual.offsets[i]) }
        workspace.finish(weights: weights, gradients: gradients, into: &combined, solver: solverReport, report: &report)
    }

    public var state: CombinerState { CombinerState(combiner: name, taskCount: taskCount, generator: nil) }

    public mutating func restore(_ state: CombinerState) throws {
        try state.check(combiner: name, taskCount: taskCount)
    }
}
