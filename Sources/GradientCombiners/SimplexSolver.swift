/// Minimises a convex function of g_w = sum_i w_i v_i over the probability simplex (w >= 0, sum w = 1),
/// knowing only the Gram matrix of the vectors v_i. It is the solver behind MGDA and CAGrad; there is no
/// scipy here, and K is at most a few dozen, so a simple exact method on the K x K matrix is the right tool.
///
/// Method: pairwise Frank-Wolfe with exact line search (the SMO step of support-vector solvers). Each step
/// takes the vertex i with the smallest partial derivative and the vertex j of the current support with
/// the largest, and moves weight from j to i by the exact minimiser of the objective along that edge
/// (closed form for both objectives), clamped to [0, w_j]. A step costs O(K), keeps the iterate feasible,
/// never increases the objective, and can drop a vertex from the support, so sparse optima are reached
/// exactly.
///
/// Stopping: the Frank-Wolfe gap grad . w - min_i grad_i bounds the suboptimality. For CAGrad it is the
/// primal-dual gap F(w) - min_i g_i . d(w); for MGDA it is |g_w|^2 - min_i g_i . g_w. The solver stops
/// when the gap divided by the problem's scale is at most the tolerance, and reports the gap either way.
struct SimplexSolver: Sendable {
    /// The two objectives.
    enum Objective {
        /// MGDA: minimise |g_w|^2 / 2.
        case minimumNorm
        /// CAGrad's dual: minimise b . w + s |g_w|, with b in `linear` and s the radius c|g0|.
        case conflictAverse(radius: Double)
    }

    /// The current (then final) weights, first `count` entries.
    private(set) var weights: [Double]
    /// The linear term b of the CAGrad objective; the caller fills the first `count` entries.
    var linear: [Double]
    /// (A w)_i = v_i . g_w.
    private var product: [Double]
    private var gradient: [Double]
    /// |g_w|^2 at the current (then final) iterate.
    private(set) var squaredNorm: Double = 0

    /// A solver for problems of up to `capacity` vectors.
    init(capacity: Int) {
        weights = [Double](repeating: 0, count: capacity)
        linear = [Double](repeating: 0, count: capacity)
        product = [Double](repeating: 0, count: capacity)
        gradient = [Double](repeating: 0, count: capacity)
    }

    /// Solves for the `n` vectors whose Gram matrix is `gram` (row-major n x n). The gap is compared to
    /// `tolerance * scale` (`scale` positive: the size of the partial derivatives). With `warmStart`, the
    /// current `weights` (a point of the simplex) are the start when they beat the best vertex. The
    /// solution is in `weights` and `squaredNorm`.
    mutating func solve(
        gram a: [Double], count n: Int, objective: Objective, scale: Double, tolerance: Double, maxIterations: Int,
        warmStart: Bool = false
    ) -> SolverReport {
        var largestDiagonal = 0.0
        for i in 0..<n { largestDiagonal = max(largestDiagonal, a[i * n + i]) }
        // CAGrad's |g_w| is not differentiable at g_w = 0; sqrt(q + smoothing) changes F by at most
        // s * 1e-10 * max|v_i|, far below the tolerance, and keeps every step well defined.
        let smoothing = 1e-20 * largestDiagonal

        var best = 0, bestValue = Double.infinity
        for k in 0..<n {
            let value: Double
            switch objective {
            case .minimumNorm: value = a[k * n + k]
            case let .conflictAverse(s): value = linear[k] + s * (a[k * n + k] + smoothing).squareRoot()
            }
            if value < bestValue { best = k; bestValue = value }
        }
        refreshProduct(a, n)
        if !warmStart || value(objective, n, smoothing) > bestValue {
            for k in 0..<n { weights[k] = k == best ? 1 : 0 }
            refreshProduct(a, n)
        }

        let threshold = tolerance * scale
        var iterations = 0, gap = 0.0, converged = false
        while true {
            var (vertex, away, currentGap) = directions(n, objective, smoothing)
            gap = currentGap
            if gap <= threshold {
                // Confirm on freshly computed products (the updates below accumulate rounding).
                refreshProduct(a, n)
                (vertex, away, gap) = directions(n, objective, smoothing)
                if gap <= threshold {
                    converged = true
                    break
                }
            }
            if iterations >= maxIterations { break }
            // At g_w = 0 CAGrad's dual has a kink the steps cannot resolve: the caller handles that case.
            if case .conflictAverse = objective, squaredNorm <= 1e-12 * largestDiagonal { break }
            let step = stepLength(a, n, objective, smoothing, from: away, to: vertex)
            if !(step > 0) { break }
            iterations += 1
            let limit = weights[away]
            weights[vertex] += step
            weights[away] = step >= limit ? 0 : limit - step
            for l in 0..<n { product[l] += step * (a[l * n + vertex] - a[l * n + away]) }
            if iterations % max(n, 8) == 0 { refreshProduct(a, n) } else { updateSquaredNorm(n) }
        }
        refreshProduct(a, n)
        return SolverReport(
            iterations: iterations, relativeGap: gap / scale, converged: converged,
            objective: objective.isMinimumNorm ? squaredNorm : value(objective, n, 0))
    }

    /// The objective at the current weights (with the given smoothing of |g_w|).
    private func value(_ objective: Objective, _ n: Int, _ smoothing: Double) -> Double {
        switch objective {
        case .minimumNorm:
            return squaredNorm
        case let .conflictAverse(s):
            var total = s * (squaredNorm + smoothing).squareRoot()
            for k in 0..<n { total += linear[k] * weights[k] }
            return total
        }
    }

    /// The Frank-Wolfe vertex (smallest partial derivative), the away vertex (largest partial derivative
    /// on the support) and the Frank-Wolfe gap.
    private mutating func directions(_ n: Int, _ objective: Objective, _ smoothing: Double) -> (vertex: Int, away: Int, gap: Double) {
        switch objective {
        case .minimumNorm:
            for k in 0..<n { gradient[k] = product[k] }
        case let .conflictAverse(s):
            let factor = s / (squaredNorm + smoothing).squareRoot()
            for k in 0..<n { gradient[k] = linear[k] + factor * product[k] }
        }
        var vertex = 0, away = -1, along = 0.0
        for k in 0..<n {
            along += gradient[k] * weights[k]
            if gradient[k] < gradient[vertex] { vertex = k }
            if weights[k] > 0, away < 0 || gradient[k] > gradient[away] { away = k }
        }
        return (vertex, max(away, 0), max(along - gradient[vertex], 0))
    }

    /// The exact minimiser, within [0, w_away], of the objective along w + t (e_vertex - e_away).
    private func stepLength(
        _ a: [Double], _ n: Int, _ objective: Objective, _ smoothing: Double, from away: Int, to vertex: Int
    ) -> Double {
        let limit = weights[away]
        // Along the edge |g_w|^2 becomes q + 2 m t + curvature t^2.
        let m = product[vertex] - product[away]
        let curvature = max(a[vertex * n + vertex] + a[away * n + away] - 2 * a[vertex * n + away], 0)
        switch objective {
        case .minimumNorm:
            guard curvature > 0 else { return limit }
            return min(max(-m / curvature, 0), limit)
        case let .conflictAverse(s):
            // phi(t) = beta t + s sqrt(Q(t)) with Q = (curvature t + m)^2 / curvature + r. In z = curvature t + m,
            // phi' = 0 gives z^2 (s^2 - beta^2 / curvature) = beta^2 r with z of the sign of -beta; without
            // a root phi' keeps the sign of phi'(0) < 0 and the step goes to the end of the edge.
            let beta = linear[vertex] - linear[away]
            guard curvature > 0 else { return beta < 0 ? limit : 0 }
            let r = max(squaredNorm + smoothing - m * m / curvature, smoothing)
            let denominator = s * s - beta * beta / curvature
            guard denominator > 0 else { return limit }
            let z = -beta * (r / denominator).squareRoot()
            let t = (z - m) / curvature
            return t.isFinite ? min(max(t, 0), limit) : limit
        }
    }

    private mutating func refreshProduct(_ a: [Double], _ n: Int) {
        for i in 0..<n {
            var total = 0.0
            for j in 0..<n { total += a[i * n + j] * weights[j] }
            product[i] = total
        }
        updateSquaredNorm(n)
    }

    private mutating func updateSquaredNorm(_ n: Int) {
        var total = 0.0
        for k in 0..<n { total += weights[k] * product[k] }
        squaredNorm = max(total, 0)
    }
}

extension SimplexSolver.Objective {
    fileprivate var isMinimumNorm: Bool {
        if case .minimumNorm = self { return true }
        return false
    }
}
