import LinearAlgebra

/// CAGrad-Fast (Liu et al., NeurIPS 2021, section 3.3): CAGrad on a random subset S of the tasks plus
/// one "rest" gradient standing for all the others.
///
/// Each call samples `fastSubsetSize` distinct tasks uniformly (from the combiner's seeded generator)
/// and replaces the other K - |S| tasks by their mean r = (K g0 - sum_{i in S} g_i) / (K - |S|), so the
/// mean g0 stays exact; CAGrad's dual is then solved over the |S| + 1 vectors S and r, and
/// d = g0 + (c|g0| / |g_w*|) g_w* with g_w* a combination of those vectors, rescaled like CAGrad. With
/// |S| = K it is exactly CAGrad.
///
/// The paper's speed-up comes from computing only |S| + 1 gradients by backpropagation. In this library
/// all K task gradients come from one shared backward pass and the full Gram matrix is formed anyway
/// (for the conflict diagnostics), so the reduced problem is built from it in K x K arithmetic: this
/// combiner reproduces the paper's approximation, not its saving.
public struct CAGradFastCombiner: GradientCombiner {
    public let taskCount: Int
    /// The settings used (`cagradC`, `cagradRescale`, `fastSubsetSize`, solver settings).
    public let options: CombinerOptions
    private var generator: SeededGenerator
    private var workspace: GramWorkspace
    private var dual: CAGradDual
    private var permutation: [Int]
    private var inSubset: [Bool]
    private var reducedGram: [Double]
    private var reducedLinear: [Double]
    private var linear: [Double]
    private var weights: [Double]

    /// A CAGrad-Fast combiner for `taskCount` tasks; `seed` fixes the sampled subsets.
    public init(taskCount: Int, options: CombinerOptions = CombinerOptions(), seed: UInt64) throws {
        try options.validate(taskCount: taskCount, kind: .cagradFast)
        self.taskCount = taskCount
        self.options = options
        generator = SeededGenerator(seed: seed)
        workspace = GramWorkspace(taskCount: taskCount)
        let reduced = options.fastSubsetSize + 1
        dual = CAGradDual(capacity: reduced)
        permutation = Array(0..<taskCount)
        inSubset = [Bool](repeating: false, count: taskCount)
        reducedGram = [Double](repeating: 0, count: reduced * reduced)
        reducedLinear = [Double](repeating: 0, count: reduced)
        linear = [Double](repeating: 0, count: taskCount)
        weights = [Double](repeating: 0, count: taskCount)
    }

    public var name: String { CombinerKind.cagradFast.rawValue }

    /// The tasks sampled by the last call, in sampling order (for inspection and tests).
    public var lastSubset: [Int] { Array(permutation[0..<options.fastSubsetSize]) }

    public mutating func combine(_ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport) throws {
        try workspace.load(gradients, combined: combined)
        let k = taskCount, m = options.fastSubsetSize
        let a = workspace.gram
        var meanSquaredNorm = 0.0
        for i in 0..<k {
            var total = 0.0
            for j in 0..<k { total += a[i * k + j] }
            linear[i] = total / Double(k)
            meanSquaredNorm += linear[i]
        }
        let meanNorm = max(meanSquaredNorm / Double(k), 0).squareRoot()

        for i in 0..<k { permutation[i] = i }
        for slot in 0..<m {
            permutation.swapAt(slot, slot + generator.index(below: k - slot))
        }
        for i in 0..<k { inSubset[i] = false }
        for slot in 0..<m { inSubset[permutation[slot]] = true }

        let restCount = k - m
        let n = restCount > 0 ? m + 1 : m
        for p in 0..<m {
            let i = permutation[p]
            for q in 0..<m { reducedGram[p * n + q] = a[i * k + permutation[q]] }
            reducedLinear[p] = linear[i]
        }
        if restCount > 0 {
            let share = 1 / Double(restCount)
            var restSquared = 0.0, restLinear = 0.0
            for p in 0..<m {
                let i = permutation[p]
                var total = 0.0
                for j in 0..<k where !inSubset[j] { total += a[i * k + j] }
                reducedGram[p * n + m] = total * share
                reducedGram[m * n + p] = total * share
            }
            for i in 0..<k where !inSubset[i] {
                for j in 0..<k where !inSubset[j] { restSquared += a[i * k + j] }
                restLinear += linear[i]
            }
            reducedGram[m * n + m] = restSquared * share * share
            reducedLinear[m] = restLinear * share
        }

        let solverReport = dual.solve(
            gram: reducedGram, linear: reducedLinear, count: n, meanNorm: meanNorm, c: options.cagradC, options: options)
        let factor = options.cagradRescale.factor(c: options.cagradC)
        let restOffset = restCount > 0 ? dual.offsets[m] / Double(restCount) : 0
        for i in 0..<k { weights[i] = 1 / Double(k) + (inSubset[i] ? 0 : restOffset) }
        for p in 0..<m { weights[permutation[p]] += dual.offsets[p] }
        for i in 0..<k { weights[i] *= factor }
        workspace.finish(weights: weights, gradients: gradients, into: &combined, solver: solverReport, report: &report)
    }

    public var state: CombinerState { CombinerState(combiner: name, taskCount: taskCount, generator: generator) }

    public mutating func restore(_ state: CombinerState) throws {
        try state.check(combiner: name, taskCount: taskCount)
        guard let saved = state.generator else {
            throw CombinerError.stateMismatch("a CAGrad-Fast state must hold its random generator")
        }
        generator = saved
    }
}
