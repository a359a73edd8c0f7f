import LinearAlgebra

/// MGDA, the multiple-gradient descent algorithm (Désidéri, 2012; Sener & Koltun, NeurIPS 2018).
///
/// The update is the minimum-norm point of the convex hull of the task gradients, d = sum_i w_i g_i with
/// w on the simplex minimising |d|^2: a direction along which no task's loss increases to first order
/// (g_i . d >= |d|^2 for every task), zero exactly at a Pareto-stationary point. Solved by pairwise
/// Frank-Wolfe on the Gram matrix to `CombinerOptions.solverTolerance`; for two tasks this reproduces the
/// closed form w_1 = clamp((A_22 - A_12) / (A_11 + A_22 - 2 A_12), 0, 1). The update is not rescaled.
public struct MGDACombiner: GradientCombiner {
    public let taskCount: Int
    /// The settings used (solver tolerance and iteration limit).
    public let options: CombinerOptions
    private var workspace: GramWorkspace
    private var solver: SimplexSolver
    private var weights: [Double]

    /// An MGDA combiner for `taskCount` tasks.
    public init(taskCount: Int, options: CombinerOptions = CombinerOptions()) throws {
        try options.validate(taskCount: taskCount, kind: .mgda)
        self.taskCount = taskCount
        self.options = options
        workspace = GramWorkspace(taskCount: taskCount)
        solver = SimplexSolver(capacity: taskCount)
        weights = [Double](repeating: 0, count: taskCount)
    }

    public var name: String { CombinerKind.mgda.rawValue }

    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws {
        try workspace.load(gradients, combined: combined)
        let k = taskCount
        let a = workspace.gram
        var largestDiagonal = 0.0
        for i in 0..<k { largestDiagonal = max(largestDiagonal, a[i * k + i]) }
        let solverReport: SolverReport
        if largestDiagonal > 0 {
            solverReport = solver.solve(
                gram: a, count: k, objective: .minimumNorm, scale: largestDiagonal,
                tolerance: options.solverTolerance, maxIterations: options.solverMaxIterations)
            for i in 0..<k { weights[i] = solver.weights[i] }
        } else {
            solverReport = SolverReport(iterations: 0, relativeGap: 0, converged: true, objective: 0)
            for i in 0..<k { weights[i] = 1 / Double(k) }
        }
        workspace.finish(weights: weights, gradients: gradients, into: &combined, solver: solverReport, report: &report)
    }

    public var state: CombinerState { CombinerState(combiner: name, taskCount: taskCount, generator: nil) }

    public mutating func restore(_ state: CombinerState) throws {
        try state.check(combiner: name, taskCount: taskCount)
    }
}
