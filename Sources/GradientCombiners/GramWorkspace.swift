import LinearAlgebra

/// The part every combiner shares: check the shapes, form the Gram matrix with one BLAS call, refuse
/// non-finite gradients, and at the end write sum_i w_i g_i with one transposed matrix-vector product.
///
/// The buffers are allocated once for K tasks, and the report is filled in place, so a call does not allocate.
struct GramWorkspace: Sendable {
    let taskCount: Int
    /// A = G G^T in float32, as BLAS writes it.
    private var gramFloat: Matrix
    /// The weights as a 1 x K matrix, the vector of the final product.
    private var weightsFloat: Matrix
    /// A in Double, row-major K x K: all the K x K arithmetic reads this.
    private(set) var gram: [Double]

    init(taskCount: Int) {
        self.taskCount = taskCount
        gramFloat = Matrix(rows: taskCount, columns: taskCount)
        weightsFloat = Matrix(rows: 1, columns: taskCount)
        gram = [Double](repeating: 0, count: taskCount * taskCount)
    }

    /// Checks that `gradients` is K x P and `combined` is 1 x P, then computes the Gram matrix. Throws
    /// `nonFiniteGradient` (naming the tasks) when a gradient holds NaN or infinity: those show up in
    /// the Gram diagonal, so the check costs nothing on the normal path.
    mutating func load(_ gradients: Matrix, combined: Matrix) throws {
        guard gradients.rows == taskCount else {
            throw CombinerError.shapeMismatch(
                "built for \(taskCount) tasks but the gradient matrix is \(gradients.shapeDescription) (one row per task)")
        }
        guard combined.rows == 1, combined.columns == gradients.columns else {
            throw CombinerError.shapeMismatch(
                "the output must be 1x\(gradients.columns) for a \(gradients.shapeDescription) gradient matrix, got \(combined.shapeDescription)")
        }
        BLAS.gram(gradients, into: &gramFloat)
        var finite = true
        for index in gram.indices {
            let value = Double(gramFloat.storage[index])
            gram[index] = value
            if !value.isFinite { finite = false }
        }
        if !finite { throw Self.nonFiniteError(gradients, gram: gram, taskCount: taskCount) }
    }

    /// Writes sum_i weights[i] * g_i into `combined` and fills `report` in place (its arrays are reused
    /// when they already hold K entries, so a caller that keeps one report does not allocate).
    mutating func finish(
        weights: [Double], gradients: Matrix, into combined: inout Matrix, solver: SolverReport?, report: inout CombinationReport
    ) {
        let k = taskCount
        if report.weights.count != k { report.weights = [Float](repeating: 0, count: k) }
        for i in 0..<k {
            report.weights[i] = Float(weights[i])
            weightsFloat.storage[i] = report.weights[i]
        }
        BLAS.gemv(gradients, nil, .transposed, weightsFloat, into: &combined)
        var squaredNorm = 0.0
        for i in 0..<k {
            var row = 0.0
            for j in 0..<k { row += gram[i * k + j] * Double(weightsFloat.storage[j]) }
            squaredNorm += Double(weightsFloat.storage[i]) * row
        }
        report.diagnostics.update(gram: gram, taskCount: k)
        report.combinedNorm = max(squaredNorm, 0).squareRoot()
        report.solver = solver
    }

    /// Names the offending tasks (error path only, so scanning the rows is fine).
    private static func nonFiniteError(_ gradients: Matrix, gram: [Double], taskCount k: Int) -> CombinerError {
        var tasks = [Int]()
        let width = gradients.columns
        gradients.storage.withUnsafeBufferPointer { values in
            for task in 0..<k where values[task * width..<(task + 1) * width].contains(where: { !$0.isFinite }) {
                tasks.append(task)
            }
        }
        if !tasks.isEmpty {
            return .nonFiniteGradient(tasks: tasks, detail: "the gradients contain NaN or infinite entries")
        }
        let overflowing = (0..<k).filter { !gram[$0 * k + $0].isFinite }
        return .nonFiniteGradient(tasks: overflowing, detail: "the squared gradient norm overflows Float (|g| > 1.8e19)")
    }
}
