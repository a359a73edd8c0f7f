/// CAGrad's update for n vectors v_i (the task gradients, or CAGrad-Fast's subset plus "rest"), from
/// their Gram matrix, with the mean gradient g0 given through b_i = v_i . g0 and |g0|.
///
/// The primal: maximise min_i v_i . d over |d - g0| <= s, s = c|g0|. Its dual: minimise
/// F(w) = g_w . g0 + s |g_w| over the simplex (g_w = sum w_i v_i), solved by `SimplexSolver`; then
/// d = g0 + (s / |g_w*|) g_w*, and min_i v_i . d = F(w*), |d - g0| = s.
///
/// Every d returned lies in the ball, so min_i v_i . d is a lower bound of the optimum and F(w) an
/// upper bound: the reported gap is their difference, a certificate rather than an estimate.
///
/// Degenerate cases never produce NaN:
/// - s = 0 (c = 0, or g0 = 0 such as all-zero gradients): d = g0, the only point of the ball.
/// - g_w* = 0 (the origin is in the convex hull and F* = 0; this needs more tasks than dimensions, or
///   exactly balanced conflicts, and a large enough c): the formula above divides by zero, and near it
///   the dual is not differentiable, so the pairwise steps stall. Every d of the ball that no task
///   opposes is then optimal; the one returned is the projection of g0 onto the cone
///   {d : v_i . d >= 0 for all i}, d = g0 + sum mu_i v_i with mu >= 0 minimising |g0 + sum mu_i v_i|^2
///   (coordinate descent on the Gram matrix). The case is recognised first: the minimum-norm point of
///   the hull (MGDA's problem, smooth, solved to the same tolerance) is near zero, which also gives the
///   dual bound F ~ 0 that certifies the projection.
struct CAGradDual: Sendable {
    private var solver: SimplexSolver
    /// The coefficients of d - g0 on the vectors: d = g0 + sum_i offsets[i] v_i.
    private(set) var offsets: [Double]
    private var projection: [Double]

    /// Workspace for up to `capacity` vectors.
    init(capacity: Int) {
        solver = SimplexSolver(capacity: capacity)
        offsets = [Double](repeating: 0, count: capacity)
        projection = [Double](repeating: 0, count: capacity)
    }

    /// Solves for the `n` vectors with Gram `gram` (row-major n x n) and `linear[i]` = v_i . g0, and fills
    /// `offsets`. `meanNorm` is |g0|. The report's objective is the best dual value found, F(w).
    mutating func solve(
        gram a: [Double], linear b: [Double], count n: Int, meanNorm: Double, c: Double, options: CombinerOptions
    ) -> SolverReport {
        var largestDiagonal = 0.0
        for i in 0..<n { largestDiagonal = max(largestDiagonal, a[i * n + i]) }
        let largestNorm = largestDiagonal.squareRoot()
        let s = c * meanNorm
        for i in 0..<n { offsets[i] = 0 }
        guard s > 0, largestNorm > 0 else {
            var smallest = n > 0 ? b[0] : 0
            for i in 0..<n { smallest = min(smallest, b[i]) }
            return SolverReport(iterations: 0, relativeGap: 0, converged: true, objective: smallest)
        }
        let scale = largestNorm * (meanNorm + s)
        let tolerance = options.solverTolerance * scale

        // The minimum-norm point of the hull: near zero means the degenerate case may apply.
        let minimumNorm = solver.solve(
            gram: a, count: n, objective: .minimumNorm, scale: largestDiagonal,
            tolerance: options.solverTolerance, maxIterations: options.solverMaxIterations)
        var iterations = minimumNorm.iterations
        var dualBound = s * solver.squaredNorm.squareRoot()
        for i in 0..<n { dualBound += b[i] * solver.weights[i] }
        var bestValue = Self.worstTaskValue(a, b, offsets, n)
        if solver.squaredNorm <= 1e-6 * largestDiagonal {
            iterations += projectOntoAgreementCone(
                a, b, n, radius: s, tolerance: tolerance, maxSweeps: max(options.solverMaxIterations / n, 100))
            let value = Self.worstTaskValue(a, b, projection, n)
            if value > bestValue {
                bestValue = value
                for i in 0..<n { offsets[i] = projection[i] }
            }
            if dualBound - bestValue <= tolerance {
                return SolverReport(
                    iterations: iterations, relativeGap: max(dualBound - bestValue, 0) / scale, converged: true, objective: dualBound)
            }
        }

        for i in 0..<n { solver.linear[i] = b[i] }
        let report = solver.solve(
            gram: a, count: n, objective: .conflictAverse(radius: s), scale: scale,
            tolerance: options.solverTolerance, maxIterations: options.solverMaxIterations, warmStart: true)
        iterations += report.iterations
        dualBound = min(dualBound, report.objective)
        let norm = solver.squaredNorm.squareRoot()
        if norm > 1e-8 * largestNorm {
            let lambda = s / norm
            for i in 0..<n { projection[i] = lambda * solver.weights[i] }
            let value = Self.worstTaskValue(a, b, projection, n)
            if value > bestValue {
                bestValue = value
                for i in 0..<n { offsets[i] = projection[i] }
            }
        }
        let gap = max(dualBound - bestValue, 0)
        return SolverReport(iterations: iterations, relativeGap: gap / scale, converged: gap <= tolerance, objective: dualBound)
    }

    /// min_i v_i . d for d = g0 + sum_j coefficients[j] v_j.
    private static func worstTaskValue(_ a: [Double], _ b: [Double], _ coefficients: [Double], _ n: Int) -> Double {
        var worst = Double.infinity
        for i in 0..<n {
            var value = b[i]
            for j in 0..<n { value += a[i * n + j] * coefficients[j] }
            worst = min(worst, value)
        }
        return worst
    }

    /// Coordinate descent for min over mu >= 0 of mu^T A mu / 2 + b . mu, into `projection`, then scaled
    /// down if needed so that d stays in the ball (|sum mu_i v_i| <= radius). Returns the sweeps made.
    private mutating func projectOntoAgreementCone(
        _ a: [Double], _ b: [Double], _ n: Int, radius: Double, tolerance: Double, maxSweeps: Int
    ) -> Int {
        for i in 0..<n { projection[i] = 0 }
        var sweeps = 0
        while sweeps < maxSweeps {
            sweeps += 1
            var largestViolation = 0.0
            for i in 0..<n {
                let diagonal = a[i * n + i]
                guard diagonal > 0 else { continue }
                var partial = b[i]
                for j in 0..<n { partial += a[i * n + j] * projection[j] }
                largestViolation = max(largestViolation, projection[i] > 0 ? abs(partial) : max(-partial, 0))
                projection[i] = max(projection[i] - partial / diagonal, 0)
            }
            if largestViolation <= tolerance { break }
        }
        var squaredLength = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += a[i * n + j] * projection[j] }
            squaredLength += projection[i] * row
        }
        if squaredLength > radius * radius {
            let shrink = radius / squaredLength.squareRoot()
            for i in 0..<n { projection[i] *= shrink }
        }
        return sweeps
    }
}
