import Agents
import Foundation
import LinearAlgebra
import NeuralNetworks
import Testing

/// The agent-recipe pieces: gradient clipping, the per-task return normaliser.

private func norm(_ values: [Float]) -> Double { values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }

@Test("clipping scales the actor's and the two critics' gradients to the global norm, keeping their direction")
func clippingBoundsTheGlobalNorm() throws {
    var free = try LossGradientFixture()
    let unclipped = try free.gradients()
    let actorNorm = norm(unclipped.actor.storage)
    let criticNorm = norm(unclipped.critic1.storage + unclipped.critic2.storage)
    let limit = Float(min(actorNorm, criticNorm) / 2)
    var bounded = try LossGradientFixture(clipNorm: limit)
    let clipped = try bounded.gradients()
    #expect(abs(norm(clipped.actor.storage) - Double(limit)) <= 1e-4 * Double(limit))
    #expect(abs(norm(clipped.critic1.storage + clipped.critic2.storage) - Double(limit)) <= 1e-4 * Double(limit))
    let actorScale = Float(Double(limit) / actorNorm), criticScale = Float(Double(limit) / criticNorm)
    for (a, b) in zip(clipped.actor.storage, unclipped.actor.storage) { #expect(abs(a - actorScale * b) <= 1e-6 + 1e-5 * abs(a)) }
    for (a, b) in zip(clipped.critic1.storage + clipped.critic2.storage, unclipped.critic1.storage + unclipped.critic2.storage) {
        #expect(abs(a - criticScale * b) <= 1e-6 + 1e-5 * abs(a))
    }
    // The per-task gradients the combiner saw and the losses are those of the unclipped update.
    #expect(clipped.actorPerTask == unclipped.actorPerTask && clipped.statistics.criticLoss == unclipped.statistics.criticLoss)
    var loose = try LossGradientFixture(clipNorm: Float(max(actorNorm, criticNorm) * 2))
    let untouched = try loose.gradients()
    #expect(untouched.actor == unclipped.actor && untouched.critic1 == unclipped.critic1 && untouched.critic2 == unclipped.critic2)
}

@Test("a negative clip norm is refused by the agent")
func negativeClipNormRefused() {
    let settings = SACHyperparameters(gradientClipNorm: -1)
    #expect(settings.problems() == ["gradient clip norm must be finite and non-negative (0: off), got -1.0"])
}

@Test("the return normaliser follows each task's discounted return, resets it at episode ends, and scales to the target std")
func returnNormalizerScales() {
    var normalizer = ReturnNormalizer(taskCount: 2, discount: 0.5, targetDeviation: 3)
    normalizer.observe(rewards: [2, 1], episodeEnded: [false, false])
    normalizer.observe(rewards: [4, 1], episodeEnded: [true, false])
    normalizer.observe(rewards: [2, 1], episodeEnded: [false, false])
    // Task 0: G = 2, 5 (then reset), 2 -> mean 3, sample variance 3, largest 5.
    #expect(normalizer.runningReturns == [2, 1.75])
    #expect(normalizer.means[0] == 3 && abs(normalizer.squaredDeviations[0] / 2 - 3) < 1e-12 && normalizer.largestReturns[0] == 5)
    #expect(abs(Double(normalizer.scale(ofTask: 0)) - 3 / 3.0.squareRoot()) < 1e-6)
    // Task 1: G = 1, 1.5, 1.75: std 0.38 is above largest / 10 = 0.175, so the std sets the scale.
    let returns: [Double] = [1, 1.5, 1.75]
    let mean1 = 4.25 / 3
    let std1 = (returns.map { ($0 - mean1) * ($0 - mean1) }.reduce(0, +) / 2).squareRoot()
    #expect(abs(Double(normalizer.scale(ofTask: 1)) - 3 / std1) < 1e-4)
    var rewards = Matrix(rows: 4, columns: 1, storage: [1, 2, 1, 2])
    normalizer.normalize(&rewards, layout: TaskBatchLayout(taskCount: 2, rowsPerTask: 2))
    let scale0 = normalizer.scale(ofTask: 0), scale1 = normalizer.scale(ofTask: 1)
    #expect(rewards.storage == [scale0, 2 * scale0, scale1, 2 * scale1])
}

@Test("a task whose returns do not vary is scaled by ten times its target over its largest return")
func returnNormalizerFloor() {
    var normalizer = ReturnNormalizer(taskCount: 1, discount: 0.9, targetDeviation: 1)
    // One-step episodes: G is always 0.5, so its std is 0 and the largest-return bound sets the scale.
    for _ in 0..<20 { normalizer.observe(rewards: [0.5], episodeEnded: [true]) }
    #expect(normalizer.largestReturns == [0.5])
    #expect(normalizer.scale(ofTask: 0) == 20)
    #expect(ReturnNormalizer(taskCount: 1, discount: 0.9, targetDeviation: 1).scale(ofTask: 0) == 1000)
}

@Test("the return normaliser's state round-trips through JSON exactly")
func returnNormalizerRoundTrip() throws {
    var normalizer = ReturnNormalizer(taskCount: 3, discount: 0.99, targetDeviation: 100)
    var generator = SeededGenerator(seed: 5)
    for step in 1...500 {
        normalizer.observe(rewards: (0..<3).map { _ in generator.uniform(0, 10) }, episodeEnded: [Bool](repeating: step % 150 == 0, count: 3))
    }
    let decoded = try JSONDecoder().decode(ReturnNormalizer.self, from: JSONEncoder().encode(normalizer))
    #expect(decoded == normalizer)
}
