import GradientCombiners
import LinearAlgebra
import Testing

/// Shapes for the random property checks: (tasks, parameters, seed). They include more tasks than
/// dimensions (the origin can be in the convex hull) and K = 1.
private let shapes: [(Int, Int, UInt64)] = [
    (1, 5, 1), (2, 2, 2), (2, 30, 3), (3, 2, 4), (3, 40, 5), (5, 3, 6), (5, 100, 7), (10, 6, 8),
    (10, 200, 9), (20, 50, 10), (50, 300, 11),
]

@Test("CAGrad: |d - g0| = c|g0|, min_i g_i.d = F(w*), and no point of the ball does better", arguments: shapes)
func cagradOptimality(tasks: Int, parameters: Int, seed: UInt64) throws {
    let rows32 = randomGradients(tasks: tasks, parameters: parameters, seed: seed)
    let rows = doubles(rows32)
    let g0 = meanRow(rows)
    for c in [0.1, 0.5, 0.9, 2.0] {
        let result = try combineOnce(.cagrad, rows32, options: CombinerOptions(cagradC: c, cagradRescale: .none))
        let solver = try #require(result.report.solver)
        // With more tasks than dimensions and c > 1 the optimum sits near the dual's kink at g_w = 0,
        // where the pairwise steps slow down; the certified gap is then still small.
        if tasks <= parameters || c < 1 {
            #expect(solver.converged)
        } else {
            #expect(solver.relativeGap <= 1e-5)
        }
        let d = combination(result.report.weights.map(Double.init), rows)
        let scale = rows.map(norm).max()! * norm(g0) * (1 + c)
        let distance = norm(zip(d, g0).map { $0 - $1 })
        let worst = rows.map { dot($0, d) }.min()!
        #expect(abs(worst - solver.objective) <= (1e-4 + solver.relativeGap) * scale)
        if distance < c * norm(g0) * (1 - 1e-4) {
            // The degenerate case: the origin is in the hull and the optimum is 0 (see CAGradDual).
            #expect(abs(solver.objective) <= 1e-6 * scale && worst >= -1e-4 * scale)
        } else {
            #expect(abs(distance - c * norm(g0)) <= 1e-4 * norm(g0))
        }
        // Weak duality: any d' of the ball has min_i g_i.d' <= F(w*). Try random points on its sphere.
        var generator = SeededGenerator(seed: seed &+ 100)
        for _ in 0..<50 {
            var u = (0..<parameters).map { _ in Double(generator.normal()) }
            let length = norm(u)
            u = u.map { $0 / length * c * norm(g0) }
            let candidate = zip(g0, u).map { $0 + $1 }
            #expect(rows.map { dot($0, candidate) }.min()! <= solver.objective + 1e-4 * scale)
        }
        // The combined output is the weighted sum the report states.
        #expect(close(result.combined, d, 1e-4 * max(norm(d), 1)))
    }
}

@Test("CAGrad with c = 0 is the mean gradient, for every rescaling", arguments: shapes)
func cagradZeroIsMean(tasks: Int, parameters: Int, seed: UInt64) throws {
    let rows32 = randomGradients(tasks: tasks, parameters: parameters, seed: seed)
    let mean = meanRow(doubles(rows32))
    for rescale in CAGradRescale.allCases {
        let result = try combineOnce(.cagrad, rows32, options: CombinerOptions(cagradC: 0, cagradRescale: rescale))
        #expect(close(result.combined, mean, 1e-5 * max(norm(mean), 1)))
    }
}

@Test("CAGrad-Fast with the whole task set is CAGrad; with a subset it keeps |d - g0| = c|g0|", arguments: shapes)
func cagradFast(tasks: Int, parameters: Int, seed: UInt64) throws {
    let rows32 = randomGradients(tasks: tasks, parameters: parameters, seed: seed)
    let rows = doubles(rows32)
    let g0 = meanRow(rows)
    let exact = try combineOnce(.cagrad, rows32, options: CombinerOptions(cagradC: 0.5))
    let whole = try combineOnce(.cagradFast, rows32, options: CombinerOptions(cagradC: 0.5, fastSubsetSize: tasks), seed: seed)
    #expect(close(whole.combined, exact.combined, 1e-4 * max(norm(exact.combined), 1)))
    if tasks >= 2 {
        // A rest of one task is that task: the reduced problem is the full one.
        let oneLeft = try combineOnce(.cagradFast, rows32, options: CombinerOptions(cagradC: 0.5, fastSubsetSize: tasks - 1), seed: seed)
        #expect(close(oneLeft.combined, exact.combined, 1e-4 * max(norm(exact.combined), 1)))
    }
    for subset in Set([1, min(2, tasks), min(4, tasks)]) {
        let options = CombinerOptions(cagradC: 0.5, cagradRescale: .none, fastSubsetSize: subset)
        let result = try combineOnce(.cagradFast, rows32, options: options, seed: seed)
        let d = result.combined
        #expect(abs(norm(zip(d, g0).map { $0 - $1 }) - 0.5 * norm(g0)) <= 1e-4 * max(norm(g0), 1e-12))
        #expect(result.report.solver?.converged == true)
    }
}

@Test("MGDA: the minimum-norm point, g_i.d >= |d|^2 for every task; two tasks match the closed form", arguments: shapes)
func mgdaProperties(tasks: Int, parameters: Int, seed: UInt64) throws {
    let rows32 = randomGradients(tasks: tasks, parameters: parameters, seed: seed)
    let rows = doubles(rows32)
    let result = try combineOnce(.mgda, rows32)
    let weights = result.report.weights.map(Double.init)
    #expect(weights.allSatisfy { $0 >= 0 } && abs(weights.reduce(0, +) - 1) < 1e-6)
    let d = combination(weights, rows)
    let scale = rows.map { dot($0, $0) }.max()!
    for row in rows { #expect(dot(row, d) >= dot(d, d) - 1e-5 * scale) }
    if tasks == 2 {
        let (g11, g12, g22) = (dot(rows[0], rows[0]), dot(rows[0], rows[1]), dot(rows[1], rows[1]))
        let x = min(max((g22 - g12) / (g11 + g22 - 2 * g12), 0), 1)
        #expect(abs(weights[0] - x) < 1e-5)
    }
}

@Test("two-task PCGrad leaves no conflict between each projected gradient and the other task's", arguments: 0..<20)
func pcgradTwoTasksRemoveConflict(seed: UInt64) throws {
    let rows32 = randomGradients(tasks: 2, parameters: 7, seed: seed)
    let rows = doubles(rows32)
    var combiner = try PCGradCombiner(taskCount: 2, seed: seed)
    var combined = Matrix(rows: 1, columns: 7)
    _ = try combiner.combine(Matrix(rows32), into: &combined)
    let projected = combiner.projectionCoefficients.map { combination($0, rows) }
    let scale = norm(rows[0]) * norm(rows[1])
    #expect(dot(projected[0], rows[1]) >= -1e-6 * scale)
    #expect(dot(projected[1], rows[0]) >= -1e-6 * scale)
    if dot(rows[0], rows[1]) >= 0 { #expect(close(projected[0], rows[0], 1e-9)) }
}

@Test("every combiner's output is the weighted sum its report states", arguments: CombinerKind.allCases)
func outputMatchesWeights(kind: CombinerKind) throws {
    let rows32 = randomGradients(tasks: 10, parameters: 64, seed: 42)
    let result = try combineOnce(kind, rows32, seed: 3)
    let expected = combination(result.report.weights.map(Double.init), doubles(rows32))
    #expect(close(result.combined, expected, 1e-4 * max(norm(expected), 1)))
    #expect(abs(result.report.combinedNorm - norm(expected)) <= 1e-4 * max(norm(expected), 1))
    #expect(result.report.weights.allSatisfy { $0.isFinite })
}

@Test("seeded runs repeat exactly, and a restored state resumes the same sequence", arguments: [CombinerKind.pcgrad, .cagradFast])
func seededDeterminism(kind: CombinerKind) throws {
    let batches = (0..<6).map { Matrix(randomGradients(tasks: 10, parameters: 40, seed: 500 + UInt64($0))) }
    func run(_ combiner: inout any GradientCombiner, _ inputs: ArraySlice<Matrix>) throws -> [[Float]] {
        var combined = Matrix(rows: 1, columns: 40)
        return try inputs.map { gradients in
            _ = try combiner.combine(gradients, into: &combined)
            return combined.storage
        }
    }
    var first = try makeCombiner(kind: kind, taskCount: 10, seed: 7)
    var second = try makeCombiner(kind: kind, taskCount: 10, seed: 7)
    let firstOutputs = try run(&first, batches[...])
    #expect(try run(&second, batches[...]) == firstOutputs)

    var interrupted = try makeCombiner(kind: kind, taskCount: 10, seed: 7)
    _ = try run(&interrupted, batches[0..<3])
    let saved = try JSONEncoderRoundTrip.roundTrip(interrupted.state)
    var resumed = try makeCombiner(kind: kind, taskCount: 10, seed: 999)
    try resumed.restore(saved)
    #expect(try run(&resumed, batches[3...]) == Array(firstOutputs[3...]))

    var otherSeed = try makeCombiner(kind: kind, taskCount: 10, seed: 8)
    #expect(try run(&otherSeed, batches[...]) != firstOutputs)
}

@Test("PCGrad with a fixed order does not depend on the seed")
func pcgradFixedOrderIgnoresSeed() throws {
    let rows32 = randomGradients(tasks: 8, parameters: 20, seed: 77)
    let options = CombinerOptions(pcgradOrder: .fixed)
    let a = try combineOnce(.pcgrad, rows32, options: options, seed: 1)
    let b = try combineOnce(.pcgrad, rows32, options: options, seed: 2)
    #expect(a.combined == b.combined)
}
