import LinearAlgebra

/// PCGrad, "gradient surgery" (Yu et al., NeurIPS 2020, Algorithm 1), computed in Gram space.
///
/// For each task i, start from g_i and visit the other tasks j in an order (uniformly random by
/// default, a fresh one per task and per call); whenever the running vector conflicts with the ORIGINAL
/// g_j (negative dot product), remove its component along g_j:
/// current -= (current . g_j / |g_j|^2) g_j. The update is the sum (or, as an option, the mean) of the K
/// projected vectors.
///
/// Every projected vector is a linear combination of the original gradients, so the procedure tracks a
/// K x K coefficient matrix C (projected g_i = sum_k C[i][k] g_k) and the dot products
/// current . g_j = (C A)[i][j], never touching a P-sized vector: its cost is one Gram product, O(K^3)
/// scalar work and one matrix-vector product, instead of the K^2 P of a direct implementation.
/// Tasks whose gradient is zero are never projected on (they cannot conflict).
public struct PCGradCombiner: GradientCombiner {
    public let taskCount: Int
    /// Sum (the paper) or mean of the projected gradients.
    public let reduction: GradientReduction
    /// Random (the paper) or fixed index order of the other tasks.
    public let order: PCGradOrder
    private var generator: SeededGenerator
    private var workspace: GramWorkspace
    private var coefficients: [Double]
    private var dots: [Double]
    private var visits: [Int]
    private var weights: [Double]

    /// A PCGrad combiner for `taskCount` tasks, reading `pcgradReduction` and `pcgradOrder` from
    /// `options`; `seed` fixes the random visiting orders.
    public init(taskCount: Int, options: CombinerOptions = CombinerOptions(), seed: UInt64) throws {
        try options.validate(taskCount: taskCount, kind: .pcgrad)
        self.taskCount = taskCount
        reduction = options.pcgradReduction
        order = options.pcgradOrder
        generator = SeededGenerator(seed: seed)
        workspace = GramWorkspace(taskCount: taskCount)
        coefficients = [Double](repeating: 0, count: taskCount * taskCount)
        dots = [Double](repeating: 0, count: taskCount)
        visits = [Int](repeating: 0, count: max(taskCount - 1, 0))
        weights = [Double](repeating: 0, count: taskCount)
    }

    public var name: String { CombinerKind.pcgrad.rawValue }

    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws {
        try workspace.load(gradients, combined: combined)
        project(gram: workspace.gram)
        workspace.finish(weights: weights, gradients: gradients, into: &combined, solver: nil, report: &report)
    }

    /// The coefficients of the last call's projected gradients: row i holds the weights of the original
    /// gradients in task i's projected gradient (projected g_i = sum_k rows[i][k] g_k). For inspection
    /// and tests; the combined gradient is the sum (or mean) of these rows' combinations.
    public var projectionCoefficients: [[Double]] {
        (0..<taskCount).map { Array(coefficients[$0 * taskCount..<($0 + 1) * taskCount]) }
    }

    public var state: CombinerState { CombinerState(combiner: name, taskCount: taskCount, generator: generator) }

    public mutating func restore(_ state: CombinerState) throws {
        try state.check(combiner: name, taskCount: taskCount)
        guard let saved = state.generator else {
            throw CombinerError.stateMismatch("a PCGrad state must hold its random generator")
        }
        generator = saved
    }

    /// Runs the projections on the Gram matrix `a`, filling `coefficients` and `weights`.
    private mutating func project(gram a: [Double]) {
        let k = taskCount
        for index in coefficients.indices { coefficients[index] = 0 }
        for i in 0..<k {
            coefficients[i * k + i] = 1
            for l in 0..<k { dots[l] = a[i * k + l] }
            var next = 0
            for j in 0..<k where j != i {
                visits[next] = j
                next += 1
            }
            if order == .random {
                var last = visits.count - 1
                while last > 0 {
                    visits.swapAt(last, generator.index(below: last + 1))
                    last -= 1
                }
            }
            for j in visits {
                let squaredNorm = a[j * k + j]
                guard dots[j] < 0, squaredNorm > 0 else { continue }
                let factor = dots[j] / squaredNorm
                coefficients[i * k + j] -= factor
                for l in 0..<k { dots[l] -= factor * a[j * k + l] }
            }
        }
        let scale = reduction == .mean ? 1 / Double(k) : 1
        for column in 0..<k {
            var total = 0.0
            for row in 0..<k { total += coefficients[row * k + column] }
            weights[column] = total * scale
        }
    }
}
