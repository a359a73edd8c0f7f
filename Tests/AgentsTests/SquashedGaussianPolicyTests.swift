import Agents
import LinearAlgebra
import Testing

/// The policy head's backward pass against central differences of L = sum(W * a) + sum(v * log pi),
/// with the noise held fixed (same seed for every sample call). Float, h = 1e-3: the functions are
/// smooth (tanh, exp, log), so the O(h^2) truncation error is about 1e-6 and Float rounding of L
/// (|L| ~ 10, relative 1e-7) divided by 2h is about 5e-4; tolerance 3e-3 + 1e-2 relative. The
/// log-std range is [-3, 0] so actions stay away from +-1: there log(1 - a^2 + 1e-6) is too steep for
/// Float differences (the analytic formula itself is exact there; the bandit test covers saturation).
@Test("squashed Gaussian backward matches finite differences")
func squashedGaussianGradient() {
    let rows = 3, actions = 2
    var generator = SeededGenerator(seed: 11)
    let output = Matrix(rows: rows, columns: 2 * actions, storage: (0..<rows * 2 * actions).map { _ in generator.uniform(-1, 1) })
    let actionWeights = Matrix(rows: rows, columns: actions, storage: (0..<rows * actions).map { _ in generator.uniform(-1, 1) })
    let logWeights: [Float] = (0..<rows).map { _ in generator.uniform(-1, 1) }

    func loss(_ out: Matrix) -> Double {
        var policy = SquashedGaussianPolicy(rows: rows, actionSize: actions, logStdMin: -3, logStdMax: 0)
        var noise = SeededGenerator(seed: 99)
        policy.sample(out, generator: &noise)
        var total = 0.0
        for index in 0..<rows * actions { total += Double(policy.actions.storage[index] * actionWeights.storage[index]) }
        for row in 0..<rows { total += Double(policy.logProbabilities.storage[row] * logWeights[row]) }
        return total
    }

    var policy = SquashedGaussianPolicy(rows: rows, actionSize: actions, logStdMin: -3, logStdMax: 0)
    var noise = SeededGenerator(seed: 99)
    policy.sample(output, generator: &noise)
    var gradient = Matrix(rows: rows, columns: 2 * actions)
    policy.backward(actionGradient: actionWeights, logProbabilityGradient: logWeights, into: &gradient)
    let h: Float = 1e-3
    for index in output.storage.indices {
        var plus = output, minus = output
        plus.storage[index] += h
        minus.storage[index] -= h
        let numeric = (loss(plus) - loss(minus)) / Double(2 * h)
        #expect(abs(Double(gradient.storage[index]) - numeric) <= 3e-3 + 1e-2 * abs(numeric), "entry \(index): \(gradient.storage[index]) vs \(numeric)")
    }
}

@Test("deterministic actions are tanh of the mean and stay inside [-1, 1]")
func deterministicActions() {
    var policy = SquashedGaussianPolicy(rows: 2, actionSize: 2, logStdMin: -20, logStdMax: 2)
    var generator = SeededGenerator(seed: 1)
    let output = Matrix([[0.5, -30, 0, 0], [100, -100, 3, 3]])
    policy.sample(output, deterministic: true, generator: &generator)
    #expect(abs(policy.actions[0, 0] - 0.46211716) < 1e-6)
    #expect(policy.actions[0, 1] == -1)
    #expect(policy.actions.storage.allSatisfy { $0 >= -1 && $0 <= 1 })
    #expect(policy.logProbabilities.isFinite)
}
