/// CAGrad's update for n vectors v_i (the task gradients, or CAGrad-Fast's subset plus "rest"), from
/// their Gram matrix, with the mean gradient g0 given through b_i = v_i . g0 and |g0|.
///
/// The primal: maximise min_i v_i . d over |d - g0| <= s, s = c|g0|. Its dual: minimise
/// F(w) = g_w . g0 + s |g_w| over the simplex (g_w = sum w_i v_i), solved by `SimplexSolver`; then
/// d = g0 + (s / |g_w*|) g_w*, and min_i v_i . d = F(w*), |d - g0| = s.
///
/// Degenerate cases never produce NaN:
/// - s = 0 (c = 0, or g0 = 0 such as all-zero gradients): d = g0, the only point of the ball.
/// - g_w* = 0 (the origin is in the convex hull and F* = 0): every d of the ball that no task opposes
///   is optimal, and the formula above divides by zero. The update is then the projection of g0 onto
///   the cone {d : v_i . d >= 0 for all i} (inside the ball in this case), d = g0 + sum mu_i v_i with
///   mu >= 0 minimising |g0 + sum mu_i v_i|^2, found by coordinate descent on the Gram matrix. It reaches
///   min_i v_i . d = 0 = F*.
struct CAGradDual: Sendable {
    private var solver: SimplexSolver
    /// The coefficients of d - g0 on the vectors: d = g0 + sum_i offsets[i] v_i.
    private(set) var offsets: [Double]

    /// Workspace for up to `capacity` vectors.
    init(capacity: Int) {
        solver = SimplexSolver(capacity: capacity)
        offsets = [Double](repeating: 0, count: capacity)
    }

    /// Solves for the `n` vectors with Gram `gram` (row-major n x n) and `linear[i]` = v_i . g0, and fills
    /// `offsets`. `meanNorm` is |g0|.
    mutating func solve(
        gram a: [Double], linear b: [Double], count n: Int, meanNorm: Double, c: Double, options: CombinerOptions
    ) -> SolverReport {
        var largestNorm = 0.0
        for i in 0..<n { largestNorm = max(largestNorm, max(a[i * n + i], 0).squareRoot()) }
        let s = c * meanNorm
        for i in 0..<n { offsets[i] = 0 }
        guard s > 0, largestNorm > 0 else {
            var smallest = n > 0 ? b[0] : 0
            for i in 0..<n { smallest = min(smallest, b[i]) }
            return SolverReport(iterations: 0, relativeGap: 0, converged: true, objective: smallest)
        }
        for i in 0..<n { solver.linear[i] = b[i] }
        let scale = largestNorm * (meanNorm + s)
        var report = solver.solve(
            gram: a, count: n, objective: .conflictAverse(radius: s), scale: scale,
            tolerance: options.solverTolerance, maxIterations: options.solverMaxIterations)
        let norm = solver.squaredNorm.squareRoot()
        if norm > 1e-8 * largestNorm {
            let lambda = s / norm
            for i in 0..<n { offsets[i] = lambda * solver.weights[i] }
        } else {
            report.iterations += projectOntoAgreementCone(
                a, b, n, tolerance: options.solverTolerance * scale, maxSweeps: options.solverMaxIterations)
        }
        return report
    }

    /// Coordinate descent for min over mu >= 0 of mu^T A mu / 2 + b . mu; returns the sweeps made.
    private mutating func projectOntoAgreementCone(
        _ a: [Double], _ b: [Double], _ n: Int, tolerance: Double, maxSweeps: Int
    ) -> Int {
        var sweeps = 0
        while sweeps < maxSweeps {
            sweeps += 1
            var largestViolation = 0.0
            for i in 0..<n {
                let diagonal = a[i * n + i]
                guard diagonal > 0 else { continue }
                var partial = b[i]
                for j in 0..<n { partial += a[i * n + j] * offsets[j] }
                let updated = max(offsets[i] - partial / diagonal, 0)
                largestViolation = max(largestViolation, offsets[i] > 0 ? abs(partial) : max(-partial, 0))
                offsets[i] = updated
            }
            if largestViolation <= tolerance { break }
        }
        return sweeps
    }
}
