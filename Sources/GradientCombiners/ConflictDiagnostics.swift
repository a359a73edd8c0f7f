import LinearAlgebra

/// How much the task gradients disagree, computed from their K x K Gram matrix A = G G^T alone (K^2 work,
/// cheap enough to log at every update).
///
/// Pairs are unordered pairs of distinct tasks. A pair conflicts when its cosine is negative (following
/// one task's gradient increases the other's loss). A zero gradient has no direction: its pairs count
/// with cosine 0 and never conflict. The gradient magnitude similarity of the PCGrad paper,
/// 2|g_i||g_j| / (|g_i|^2 + |g_j|^2), is 1 for equal norms and near 0 when one dominates (1 when both are zero).
public struct ConflictDiagnostics: Codable, Equatable, Sendable {
    /// The number of tasks K.
    public var taskCount: Int
    /// |g_i| for each task.
    public var gradientNorms: [Double]
    /// The number of task pairs, K(K-1)/2.
    public var pairCount: Int
    /// The number of pairs with a negative cosine.
    public var conflictingPairCount: Int
    /// `conflictingPairCount / pairCount` (0 when there is no pair).
    public var conflictFraction: Double
    /// The mean pairwise cosine (0 when there is no pair).
    public var meanCosine: Double
    /// The smallest pairwise cosine (0 when there is no pair): the worst conflict.
    public var minCosine: Double
    /// The mean gradient magnitude similarity over pairs (1 when there is no pair).
    public var meanMagnitudeSimilarity: Double

    /// The diagnostics of the gradients whose Gram matrix is `gram` (K x K, symmetric, finite).
    public init(gram: Matrix) {
        precondition(gram.rows == gram.columns, "ConflictDiagnostics: the Gram matrix must be square, got \(gram.shapeDescription)")
        self.init(gram: gram.storage.map(Double.init), taskCount: gram.rows)
    }

    /// The diagnostics of `taskCount` zero gradients (no direction, so no conflict): a value to fill
    /// later with `update(gram:taskCount:)`.
    public init(taskCount: Int) {
        self.init(gram: [Double](repeating: 0, count: taskCount * taskCount), taskCount: taskCount)
    }

    /// The diagnostics from a row-major K x K Gram matrix in `Double`.
    init(gram: [Double], taskCount k: Int) {
        taskCount = 0
        gradientNorms = []
        pairCount = 0
        conflictingPairCount = 0
        conflictFraction = 0
        meanCosine = 0
        minCosine = 0
        meanMagnitudeSimilarity = 1
        update(gram: gram, taskCount: k)
    }

    /// Recomputes every field from a row-major K x K Gram matrix in `Double`, reusing `gradientNorms`'
    /// storage when it already holds K entries (so the training loop does not allocate).
    mutating func update(gram: [Double], taskCount k: Int) {
        taskCount = k
        if gradientNorms.count != k { gradientNorms = [Double](repeating: 0, count: k) }
        for i in 0..<k { gradientNorms[i] = max(gram[i * k + i], 0).squareRoot() }
        pairCount = k * (k - 1) / 2
        var conflicts = 0
        var cosineSum = 0.0, cosineMin = Double.infinity, similaritySum = 0.0
        for i in 0..<k {
            for j in (i + 1)..<k {
                let ni = gradientNorms[i], nj = gradientNorms[j]
                let cosine = ni > 0 && nj > 0 ? min(max(gram[i * k + j] / (ni * nj), -1), 1) : 0
                if cosine < 0 { conflicts += 1 }
                cosineSum += cosine
                cosineMin = min(cosineMin, cosine)
                let squares = ni * ni + nj * nj
                similaritySum += squares > 0 ? 2 * ni * nj / squares : 1
            }
        }
        conflictingPairCount = conflicts
        if pairCount > 0 {
            let pairs = Double(pairCount)
            conflictFraction = Double(conflicts) / pairs
            meanCosine = cosineSum / pairs
            minCosine = cosineMin
            meanMagnitudeSimilarity = similaritySum / pairs
        } else {
            conflictFraction = 0
            meanCosine = 0
            minCosine = 0
            meanMagnitudeSimilarity = 1
        }
    }
}
