/// CAGrad's update for n vectors v_i (the task gradients, or CAGrad-Fast's subset plus "rest"), from
/// their Gram matrix, with the mean gradient g0 given through b_i = v_i . g0 and |g0|.
///
/// The primal: maximise min_i v_i . d over |d - g0| <= s, s = c|g0|. Its dual: minimise
/// F(w) = g_w . g0 + s |g_w| over the simplex (g_w = sum w_i v_i), solved by `SimplexSolver`; then
/// d = g0 + (s / |g_w*|) g_w*, and min_i v_i . d = F(w*), |d - g0| = s.
///
/// Every d returned lies in the ball, so min_i v_i . d is a lower bound of the optimum and every F(w)
/// an upper bound: the reported gap is the difference of the best two, a certificate, not an estimate.
///
/// Degenerate cases never produce NaN:
/// - s = 0 (c = 0, or g0 = 0 such as all-zero gradients): d = g0, the only point of the ball.
/// - g_w* = 0 (the origin is in the convex hull and F* = 0; this needs more tasks than dimensions or
///   exactly balanced conflicts, and a large enough c; always so when c >= 1 and the origin is in the
///   hull): the formula divides by zero, and near that kink of F the pairwise steps crawl. Every d of
///   the ball that no task opposes is then optimal; the one returned is the projection of g0 onto the
///   cone {d : v_i . d >= 0 for all i}, d = g0 + sum mu_i v_i with mu >= 0 minimising
///   |g0 + sum mu_i v_i|^2 (coordinate descent on the Gram matrix). The case is recognised by a
///   near-zero minimum-norm point of the hull (MGDA's problem), which also gives a dual value near 0.
///   The certified gap is then limited by how close to zero that point gets, typically 1e-6 relative.
struct CAGradDual: Sendable {
    private var solver: SimplexSolver
    /// The coefficients of d - g0 on the vectors: d = g0 + sum_i offsets[i] v_i.
    private(set) var offsets: [Double]
    private var candidate: [Double]

    /// Workspace for up to `capacity` vectors.
    init(capacity: Int) {
        solver = SimplexSolver(capacity: capacity)
        offsets = [Double](repeating: 0, count: capacity)
        candidate = [Double](repeating: 0, count: capacity)
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
        var bestValue = Self.worstTaskValue(a, b, offsets, n)
        guard s > 0, largestNorm > 0 else {
            return SolverReport(iterations: 0, relativeGap: 0, converged: true, objective: bestValue)
        }
        let scale = largestNorm * (meanNorm + s)
        let tolerance = options.solverTolerance * scale
        var iterations = 0

        // Is the origin (nearly) in the hull? Only then can the degenerate case arise.
        let hull = solver.solve(
            gram: a, count: n, objective: .minimumNorm, scale: largestDiagonal,
            tolerance: options.solverTolerance, maxIterations: options.solverMaxIterations)
        iterations += hull.iterations
        var dualBound = s * solver.squaredNorm.squareRoot()
        for i in 0..<n { dualBound += b[i] * solver.weights[i] }
        if solver.squaredNorm <= 1e-6 * largestDiagonal {
            iterations += projectOntoAgreementCone(
                a, b, n, radius: s, tolerance: tolerance, maxSweeps: max(options.solverMaxIterations / n, 100))
            let worst = Self.worstTaskValue(a, b, candidate, n)
            if worst > bestValue {
                bestValue = worst
                for i in 0..<n { offsets[i] = candidate[i] }
            }
            if dualBound - bestValue <= tolerance {
                return SolverReport(
                    iterations: iterations, relativeGap: max(dualBound - bestValue, 0) / scale, converged: true,
                    objective: dualBound)
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
            for i in 0..<n { candidate[i] = s / norm * solver.weights[i] }
            let worst = Self.worstTaskValue(a, b, candidate, n)
            if worst > bestValue {
                bestValue = worst
                for i in 0..<n { offsets[i] = candidate[i] }
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

    /// Coordinate descent for min over mu >= 0 of mu^T A mu / 2 + b . mu, into `candidate`, then scaled
    /// down if needed so that d stays in the ball (|sum mu_i v_i| <= radius). Returns the sweeps made.
    private mutating func projectOntoAgreementCone(
        _ a: [Double], _ b: [Double], _ n: Int, radius: Double, tolerance: Double, maxSweeps: Int
    ) -> Int {
        for i in 0..<n { candidate[i] = 0 }
        var sweeps = 0
        while sweeps < maxSweeps {
            sweeps += 1
            var largestViolation = 0.0
            for i in 0..<n {
                let diagonal = a[i * n + i]
                guard diagonal > 0 else { continue }
                var partial = b[i]
                for j in 0..<n { partial += a[i * n + j] * candidate[j] }
                largestViolation = max(largestViolation, candidate[i] > 0 ? abs(partial) : max(-partial, 0))
                candidate[i] = max(candidate[i] - partial / diagonal, 0)
            }
            if largestViolation <= tolerance { break }
        }
        var squaredLength = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += a[i * n + j] * candidate[j] }
            squaredLength += candidate[i] * row
        }
        if squaredLength > radius * radius {
            let shrink = radius / squaredLength.squareRoot()
            for i in 0..<n { candidate[i] *= shrink }
        }
        return sweeps
    }
}
