import LinearAlgebra

/// A rule that turns K per-task gradients of the shared parameters into one update direction.
///
/// The input is the K x P matrix G whose row i is task i's gradient; the output is written into a
/// preallocated 1 x P matrix (overwritten, not accumulated). Every combiner here is a weighted sum
/// d = sum_i w_i g_i whose weights depend only on the K x K Gram matrix A = G G^T, so a call costs one
/// Gram product, K x K arithmetic and one matrix-vector product, whatever the combiner.
///
/// A combiner knows nothing about reinforcement learning. It may keep state between calls (PCGrad's
/// and CAGrad-Fast's random generators); `state` and `restore(_:)` save and resume it for checkpoints.
public protocol GradientCombiner: Sendable {
    /// The name for logs and reports (the `CombinerKind` raw value for the built-in combiners).
    var name: String { get }
    /// The number of tasks K: the number of rows `combine` expects.
    var taskCount: Int { get }
    /// Writes the combination of the rows of `gradients` (K x P) into `combined` (1 x P) and returns the
    /// weights used and the conflict diagnostics. Throws, leaving `combined` unchanged, when a shape is
    /// wrong or a gradient is not finite.
    mutating func combine(_ gradients: Matrix, into combined: inout Matrix) throws -> CombinationReport
    /// The same, writing the report into `report` and reusing its arrays, so a training loop that keeps
    /// one report does not allocate. A combiner implements at least one of the two `combine` methods;
    /// each has a default that calls the other.
    mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws
    /// The state that must survive a checkpoint (random generators), to pass to `restore(_:)` later.
    var state: CombinerState { get }
    /// Resumes from a saved `state`, so the next calls make the same random choices as an uninterrupted run.
    mutating func restore(_ state: CombinerState) throws
}

extension GradientCombiner {
    /// Default: fills a fresh report with `combine(_:into:report:)`.
    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix) throws -> CombinationReport {
        var report = CombinationReport(taskCount: taskCount)
        try combine(gradients, into: &combined, report: &report)
        return report
    }

    /// Default: replaces `report` with the one `combine(_:into:)` returns (which allocates; the built-in
    /// combiners implement this method directly and fill `report` in place).
    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws {
        report = try combine(gradients, into: &combined)
    }
}

/// The saved state of a combiner: what a checkpoint must keep so a resumed run repeats exactly.
public struct CombinerState: Codable, Equatable, Sendable {
    /// The combiner's name (checked on restore).
    public var combiner: String
    /// The number of tasks (checked on restore).
    public var taskCount: Int
    /// The combiner's random generator, for the combiners that draw random numbers.
    public var generator: SeededGenerator?

    /// A state for the `combiner` over `taskCount` tasks, with its generator if it has one.
    public init(combiner: String, taskCount: Int, generator: SeededGenerator?) {
        self.combiner = combiner
        self.taskCount = taskCount
        self.generator = generator
    }

    /// Throws unless this state was saved by a combiner with this name and task count.
    func check(combiner expected: String, taskCount expectedCount: Int) throws {
        guard combiner == expected, taskCount == expectedCount else {
            throw CombinerError.stateMismatch(
                "the state was saved by \(combiner) over \(taskCount) tasks, this is \(expected) over \(expectedCount) tasks")
        }
    }
}

/// What one `combine` call did: the task weights and the diagnostics of the gradients it saw.
public struct CombinationReport: Codable, Equatable, Sendable {
    /// The K task weights: the combined gradient is exactly sum_i weights[i] * g_i.
    public var weights: [Float]
    /// Conflict statistics of the task gradients (from the same Gram matrix).
    public var diagnostics: ConflictDiagnostics
    /// The norm of the combined gradient, sqrt(w^T A w).
    public var combinedNorm: Double
    /// For the combiners that solve an optimisation problem (CAGrad, CAGrad-Fast, MGDA): how the solver
    /// did. `nil` for the closed-form combiners (mean, sum, PCGrad).
    public var solver: SolverReport?

    /// A report from its parts.
    public init(weights: [Float], diagnostics: ConflictDiagnostics, combinedNorm: Double, solver: SolverReport?) {
        self.weights = weights
        self.diagnostics = diagnostics
        self.combinedNorm = combinedNorm
        self.solver = solver
    }

    /// A zeroed report for `taskCount` tasks, to be filled by `GradientCombiner.combine(_:into:report:)`.
    public init(taskCount: Int) {
        self.init(weights: [Float](repeating: 0, count: taskCount), diagnostics: ConflictDiagnostics(taskCount: taskCount),
                  combinedNorm: 0, solver: nil)
    }
}

/// How the simplex solver of CAGrad or MGDA finished: never a silent fallback, the gap is always reported.
public struct SolverReport: Codable, Equatable, Sendable {
    /// Pairwise steps taken.
    public var iterations: Int
    /// The final duality gap divided by the problem's scale. CAGrad: (F(w) - min_i g_i . d) /
    /// (max_i |g_i| (|g0| + c|g0|)). MGDA: (|g_w|^2 - min_i g_i . g_w) / max_i |g_i|^2.
    public var relativeGap: Double
    /// Whether `relativeGap` reached `CombinerOptions.solverTolerance` within the iteration limit.
    public var converged: Bool
    /// The optimum of the dual: CAGrad's F(w*) = g_w* . g0 + c|g0||g_w*| (equal to min_i g_i . d for
    /// the unrescaled d); MGDA's |g_w*|^2.
    public var objective: Double

    /// A report from its parts.
    public init(iterations: Int, relativeGap: Double, converged: Bool, objective: Double) {
        self.iterations = iterations
        self.relativeGap = relativeGap
        self.converged = converged
        self.objective = objective
    }
}

/// Builds the combiner `kind` for `taskCount` tasks, after checking `options` for it.
///
/// `seed` fixes the random choices of PCGrad (task orders) and CAGrad-Fast (task subsets); the other
/// combiners are deterministic and ignore it.
public func makeCombiner(
    kind: CombinerKind, options: CombinerOptions = CombinerOptions(), taskCount: Int, seed: UInt64
) throws -> any GradientCombiner {
    try options.validate(taskCount: taskCount, kind: kind)
    switch kind {
    case .mean: return try MeanCombiner(taskCount: taskCount, reduction: .mean)
    case .sum: return try MeanCombiner(taskCount: taskCount, reduction: .sum)
    case .pcgrad: return try PCGradCombiner(taskCount: taskCount, options: options, seed: seed)
    case .cagrad: return try CAGradCombiner(taskCount: taskCount, options: options)
    case .cagradFast: return try CAGradFastCombiner(taskCount: taskCount, options: options, seed: seed)
    case .mgda: return try MGDACombiner(taskCount: taskCount, options: options)
    }
}
