import GradientCombiners
import LinearAlgebra
import Testing

// Degenerate inputs must give the mathematically right answer, never NaN.

@Test("all-zero gradients combine to zero with finite weights", arguments: CombinerKind.allCases)
func allZero(kind: CombinerKind) throws {
    let result = try combineOnce(kind, [[0, 0, 0], [0, 0, 0], [0, 0, 0]], options: CombinerOptions(fastSubsetSize: 2))
    #expect(result.combined == [0, 0, 0])
    #expect(result.report.weights.allSatisfy { $0.isFinite })
    #expect(result.report.diagnostics.conflictingPairCount == 0)
    #expect(result.report.diagnostics.meanMagnitudeSimilarity == 1)
}

@Test("identical gradients: every combiner returns the gradient (CAGrad: (1+c) g before rescaling)", arguments: CombinerKind.allCases)
func identical(kind: CombinerKind) throws {
    let g: [Float] = [0.5, -2, 1]
    let options = CombinerOptions(cagradC: 0.5, cagradRescale: .inverseOnePlusC, fastSubsetSize: 2)
    let result = try combineOnce(kind, [g, g, g], options: options)
    let expected = g.map { Double($0) * (kind == .sum || kind == .pcgrad ? 3 : 1) }
    #expect(close(result.combined, expected, 1e-5))
    let unscaled = try combineOnce(.cagrad, [g, g, g], options: CombinerOptions(cagradC: 0.5, cagradRescale: .none))
    #expect(close(unscaled.combined, g.map { 1.5 * Double($0) }, 1e-5))
}

@Test("one task: every combiner returns its gradient (CAGrad: (1+c) g before rescaling)", arguments: CombinerKind.allCases)
func singleTask(kind: CombinerKind) throws {
    let g: [Float] = [3, -4]
    let options = CombinerOptions(cagradC: 0.9, cagradRescale: .none, fastSubsetSize: 1)
    let result = try combineOnce(kind, [g], options: options)
    let factor = kind == .cagrad || kind == .cagradFast ? 1.9 : 1
    #expect(close(result.combined, g.map { factor * Double($0) }, 1e-5))
    #expect(result.report.diagnostics.pairCount == 0 && result.report.diagnostics.conflictFraction == 0)
}

@Test("exactly opposite gradients: the mean is zero, so CAGrad and MGDA return zero")
func opposite() throws {
    for kind in [CombinerKind.cagrad, .mgda, .mean] {
        let result = try combineOnce(kind, [[1, 2], [-1, -2]])
        #expect(close(result.combined, [0, 0], 1e-6))
    }
    // PCGrad projects each onto the other's normal plane: both become zero.
    #expect(close(try combineOnce(.pcgrad, [[1, 2], [-1, -2]]).combined, [0, 0], 1e-6))
}

@Test("CAGrad when the origin is in the convex hull and F* = 0: d is g0 projected onto the agreement cone")
func cagradOriginInHull() throws {
    // g0 = (0, 1/3); every d = (0, y >= 0) is optimal with value 0; the nearest to g0 is g0 itself.
    let result = try combineOnce(.cagrad, [[1, 0], [-1, 0], [0, 1]], options: CombinerOptions(cagradC: 0.5, cagradRescale: .none))
    #expect(close(result.combined, [0, 1.0 / 3], 1e-6))
    #expect(abs(result.report.solver!.objective) < 1e-6)
    // Here g0 itself conflicts with task 2: the projection must move it into the cone.
    let rows: [[Float]] = [[1, 0], [-1, 0], [0.5, 1]]
    let other = try combineOnce(.cagrad, rows, options: CombinerOptions(cagradC: 2, cagradRescale: .none))
    let d = other.combined
    let worst = doubles(rows).map { dot($0, d) }.min()!
    #expect(abs(worst - other.report.solver!.objective) < 1e-5)
    let g0 = meanRow(doubles(rows))
    #expect(norm(zip(d, g0).map { $0 - $1 }) <= 2 * norm(g0) + 1e-6)
    #expect(d.allSatisfy { $0.isFinite })
}

@Test("a zero gradient among others is never projected on and does not break the solvers")
func zeroAmongOthers() throws {
    let rows: [[Float]] = [[1, 0], [0, 0], [-0.5, 1]]
    for kind in CombinerKind.allCases {
        let result = try combineOnce(kind, rows, options: CombinerOptions(fastSubsetSize: 2))
        #expect(result.combined.allSatisfy { $0.isFinite })
    }
    // MGDA: the zero vector is in the hull, so the minimum norm is zero.
    #expect(close(try combineOnce(.mgda, rows).combined, [0, 0], 1e-6))
}
