import GradientCombiners
import LinearAlgebra
import Testing

/// The example of README.md's "Adding a combiner": every task's gradient scaled to unit length, then
/// averaged, so no task dominates by the size of its gradient. Written against the public API only.
struct UnitNormCombiner: GradientCombiner {
    let taskCount: Int
    private var gram: Matrix
    private var weights: Matrix

    init(taskCount: Int) {
        self.taskCount = taskCount
        gram = Matrix(rows: taskCount, columns: taskCount)
        weights = Matrix(rows: 1, columns: taskCount)
    }

    var name: String { "unit-norm" }

    mutating func combine(_ gradients: Matrix, into combined: inout Matrix) throws -> CombinationReport {
        BLAS.gram(gradients, into: &gram)                      // A = G G^T: all a combiner needs
        for task in 0..<taskCount {
            let norm = gram[task, task].squareRoot()
            weights[0, task] = norm > 0 ? 1 / (Float(taskCount) * norm) : 0
        }
        BLAS.gemv(gradients, nil, .transposed, weights, into: &combined)   // d = G^T w
        return CombinationReport(weights: weights.storage, diagnostics: ConflictDiagnostics(gram: gram),
                                 combinedNorm: Double(BLAS.dot(combined, combined)).squareRoot(), solver: nil)
    }

    var state: CombinerState { CombinerState(combiner: name, taskCount: taskCount, generator: nil) }

    mutating func restore(_ state: CombinerState) throws {}
}

@Test("the README's example combiner averages unit-length task gradients")
func exampleCombiner() throws {
    var combiner = UnitNormCombiner(taskCount: 2)
    let gradients = Matrix([[3, 0, 0], [0, 0, -0.5]])
    var combined = Matrix(rows: 1, columns: 3)
    let report = try combiner.combine(gradients, into: &combined)
    #expect(combined.maxAbsoluteDifference(to: Matrix([[0.5, 0, -0.5]])) < 1e-6)
    #expect(report.diagnostics.conflictingPairCount == 0)
    #expect(abs(report.combinedNorm - 0.5.squareRoot()) < 1e-6)
}
