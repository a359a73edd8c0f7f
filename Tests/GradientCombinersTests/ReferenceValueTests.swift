import GradientCombiners
import LinearAlgebra
import Testing

// Reference values from ../shared/REFERENCE.md section 4, computed independently in float64 from the
// PCGrad paper's Algorithm 1, the CAGrad paper's dual and MGDA's two-task closed form. Our Gram matrix
// is float32, so agreement to about 1e-5 is expected; the references are printed to 5-6 digits.

private let twoTasks: [[Float]] = [[1, 0], [-0.5, 1]]
private let threeTasks: [[Float]] = [[1, 0, 0], [-0.8, 0.6, 0], [0.1, -0.9, 0.4]]

@Test("PCGrad on g1 = (1,0), g2 = (-0.5,1): sum (0.8, 1.4), mean (0.4, 0.7)")
func pcgradTwoTaskReference() throws {
    let sum = try combineOnce(.pcgrad, twoTasks)
    #expect(close(sum.combined, [0.8, 1.4], 1e-5))
    let mean = try combineOnce(.pcgrad, twoTasks, options: CombinerOptions(pcgradReduction: .mean))
    #expect(close(mean.combined, [0.4, 0.7], 1e-5))
}

@Test("MGDA on g1 = (1,0), g2 = (-0.5,1): w1 = 0.538462, d = (0.307692, 0.461538)")
func mgdaTwoTaskReference() throws {
    let result = try combineOnce(.mgda, twoTasks)
    #expect(abs(Double(result.report.weights[0]) - 0.538462) < 1e-5)
    #expect(abs(Double(result.report.weights[1]) - 0.461538) < 1e-5)
    #expect(close(result.combined, [0.307692, 0.461538], 1e-5))
}

@Test("CAGrad c = 0.5 on g1 = (1,0), g2 = (-0.5,1): d = (0.457871, 0.686855), equal task gains 0.45789")
func cagradTwoTaskReference() throws {
    let result = try combineOnce(.cagrad, twoTasks, options: CombinerOptions(cagradC: 0.5, cagradRescale: .none))
    // REFERENCE.md's d agrees with the exact optimum to 2e-5 only: its two task gains differ by 5e-5
    // (0.457871 and 0.457920), while at the optimum they are equal. The exact optimum, from the
    // closed form below, is d = (a, 1.5 a) with a = (2 + sqrt(0.953125)) / 6.5 = 0.4578894.
    #expect(close(result.combined, [0.457871, 0.686855], 3e-5))
    let a = (2 + 0.953125.squareRoot()) / 6.5
    #expect(close(result.combined, [a, 1.5 * a], 1e-6))
    let rows = doubles(twoTasks)
    #expect(abs(dot(rows[0], result.combined) - 0.45789) < 1e-5)
    #expect(abs(dot(rows[1], result.combined) - 0.45789) < 1e-5)
    let g0 = meanRow(rows)
    #expect(abs(norm(zip(result.combined, g0).map { $0 - $1 }) - 0.279508) < 1e-5)
    #expect(abs(result.report.solver!.objective - 0.45789) < 1e-5)
    // The task weights are 1/2 + lambda w*. The exact d - g0 = (0.2078894, 0.1868341) = lambda g_w*, with
    // g_w* = (w1 - w2/2, w2), gives w*_1 = 0.617254; REFERENCE.md's 0.617221 is within 4e-5 of it.
    let w = result.report.weights.map(Double.init)
    let lambdaW = w.map { $0 - 0.5 }
    #expect(abs(lambdaW[0] / (lambdaW[0] + lambdaW[1]) - 0.617221) < 4e-5)

    let rescaled = try combineOnce(.cagrad, twoTasks, options: CombinerOptions(cagradC: 0.5))
    #expect(close(rescaled.combined, [0.366297, 0.549484], 3e-5))
    #expect(close(rescaled.combined, [a / 1.25, 1.5 * a / 1.25], 1e-6))
    let byOnePlusC = try combineOnce(.cagrad, twoTasks, options: CombinerOptions(cagradC: 0.5, cagradRescale: .inverseOnePlusC))
    #expect(close(byOnePlusC.combined, [a / 1.5, 1.5 * a / 1.5], 1e-6))
}

@Test("CAGrad c = 0.5 on the three-task reference: w* = (0, 1, 0), d = (0.02225, -0.04169, 0.13333)")
func cagradThreeTaskReference() throws {
    let result = try combineOnce(.cagrad, threeTasks, options: CombinerOptions(cagradC: 0.5, cagradRescale: .none))
    #expect(close(result.combined, [0.02225, -0.04169, 0.13333], 1e-5))
    let w = result.report.weights.map(Double.init)
    // Task weights are 1/3 + lambda w*: tasks 0 and 2 keep exactly 1/3.
    #expect(abs(w[0] - 1.0 / 3) < 1e-6 && abs(w[2] - 1.0 / 3) < 1e-6 && w[1] > 1.0 / 3)
}

@Test("PCGrad in fixed index order on the three-task reference: projected rows and their sum")
func pcgradThreeTaskReference() throws {
    let gradients = Matrix(threeTasks)
    var combiner = try PCGradCombiner(taskCount: 3, options: CombinerOptions(pcgradOrder: .fixed), seed: 0)
    var combined = Matrix(rows: 1, columns: 3)
    _ = try combiner.combine(gradients, into: &combined)
    #expect(close(combined.storage.map(Double.init), [0.05951, -0.30759, 0.78204], 1e-5))
    let rows = doubles(threeTasks)
    let projected = combiner.projectionCoefficients.map { combination($0, rows) }
    #expect(close(projected[0], [0.40041, 0.11633, 0.16163], 1e-5))
    #expect(close(projected[1], [0.05510, 0.10408, 0.22041], 1e-5))
    #expect(close(projected[2], [-0.39600, -0.52800, 0.40000], 1e-5))
}

@Test("mean and sum give the average and the total")
func meanAndSum() throws {
    #expect(close(try combineOnce(.mean, threeTasks).combined, [0.1, -0.1, 0.4 / 3], 1e-6))
    #expect(close(try combineOnce(.sum, threeTasks).combined, [0.3, -0.3, 0.4], 1e-6))
}

@Test("conflict diagnostics of g1 = (1,0), g2 = (-0.5,1)")
func diagnosticsReference() throws {
    let diagnostics = try combineOnce(.mean, twoTasks).report.diagnostics
    let cosine = -0.5 / 1.25.squareRoot()
    #expect(diagnostics.pairCount == 1 && diagnostics.conflictingPairCount == 1 && diagnostics.conflictFraction == 1)
    #expect(abs(diagnostics.meanCosine - cosine) < 1e-6 && abs(diagnostics.minCosine - cosine) < 1e-6)
    #expect(abs(diagnostics.meanMagnitudeSimilarity - 2 * 1.25.squareRoot() / 2.25) < 1e-6)
    #expect(close(diagnostics.gradientNorms, [1, 1.25.squareRoot()], 1e-6))

    let standalone = ConflictDiagnostics(gram: Matrix([[1, -0.5], [-0.5, 1.25]]))
    #expect(standalone == diagnostics)
}

@Test("conflict diagnostics of the three-task reference count two conflicting pairs of three")
func diagnosticsThreeTasks() throws {
    let diagnostics = try combineOnce(.mean, threeTasks).report.diagnostics
    // Dots: g1.g2 = -0.8, g1.g3 = 0.1, g2.g3 = -0.62.
    #expect(diagnostics.pairCount == 3 && diagnostics.conflictingPairCount == 2)
    #expect(abs(diagnostics.minCosine - (-0.8)) < 1e-6)
}
