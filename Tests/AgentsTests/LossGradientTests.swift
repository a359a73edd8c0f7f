import Agents
import Foundation
import GradientCombiners
import LinearAlgebra
import Testing

/// Finite-difference checks of the full SAC losses through the tanh-squashed Gaussian, the twin critics,
/// the shared trunks and the heads. With the `sum` combiner the combined gradient of each network is the
/// gradient of the sum of the tasks' losses, so a directional derivative of that sum along a unit
/// direction v must equal gradient . v. Noise is held fixed by replaying the same generator state.
/// Losses are Float32: with h = 1e-2 the central difference's rounding error is about 1e-4 of the loss
/// scale, and crossing a ReLU or min(Q1, Q2) kink costs O(h). The tolerance, 2% of |g . v| plus 0.1% of
/// |g|, is above both and below the error of a wrong factor on any one term (checked by mutating the
/// code: a factor 1.8 instead of 2 on one critic's error, or 1.3 on the log-probability term, fails).
struct LossGradientFixture {
    static let taskCount = 2, observationSize = 5, actionSize = 2

    var agent: MultiTaskSAC
    var batch: TransitionBatch
    let generator = SeededGenerator(seed: 99)

    /// The fixture's agent; `layerNorm` normalises the trunks of actor and critics, `clipNorm` clips.
    init(layerNorm: Bool = false, clipNorm: Float = 0) throws {
        var generator = SeededGenerator(seed: 17)
        let settings = SACHyperparameters(hiddenSizes: [16, 16], batchSizePerTask: 4, discount: 0.9, initialTemperature: 0.5,
                                          criticLayerNorm: layerNorm, actorLayerNorm: layerNorm, gradientClipNorm: clipNorm)
        agent = try MultiTaskSAC(taskCount: Self.taskCount, observationSize: Self.observationSize, actionSize: Self.actionSize,
                                 hyperparameters: settings, combiner: .sum, combinerOptions: CombinerOptions(), generator: &generator)
        batch = TransitionBatch(layout: agent.batchLayout, observationSize: Self.observationSize, actionSize: Self.actionSize, discount: settings.discount)
        for index in batch.observations.storage.indices {
            batch.observations.storage[index] = generator.normal()
            batch.nextObservations.storage[index] = generator.normal()
        }
        for index in batch.actions.storage.indices { batch.actions.storage[index] = generator.uniform(-0.9, 0.9) }
        for index in batch.rewards.storage.indices { batch.rewards.storage[index] = generator.uniform(0, 2) }
        // Spread the temperatures so a wrong task index shows.
        var tensors = agent.snapshotTensors()
        tensors["agent.log_temperatures"] = [logf(0.5), logf(0.2)]
        try agent.restore(tensors: tensors, counters: agent.counters)
    }

    /// The gradients at the current parameters, with the fixed noise.
    mutating func gradients() throws -> SACGradients {
        var noise = generator
        return try agent.gradients(for: batch, generator: &noise)
    }

    /// The statistics with the array `name` of the agent's state moved by `step` along `direction`.
    func statistics(moving name: String, along direction: [Float], by step: Float) throws -> UpdateStatistics {
        var moved = self
        var tensors = moved.agent.snapshotTensors()
        tensors[name] = zip(tensors[name]!, direction).map { $0 + step * $1 }
        try moved.agent.restore(tensors: tensors, counters: moved.agent.counters)
        return try moved.gradients().statistics
    }

    /// Checks gradient . v against the central difference of `loss` along v for the gradient's own
    /// direction (where g . v = |g|) and along two random directions (sparse: 20 coordinates, so that
    /// g . v is not washed out by the other coordinates).
    func checkDirectionalDerivatives(of name: String, gradient: Matrix, loss: (UpdateStatistics) -> Float) throws {
        let h: Float = 1e-2
        let norm = gradient.storage.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(norm > 1e-2, "\(name): gradient is (nearly) zero, the check would be empty")
        var directions = [gradient.storage.map { $0 / norm }]
        for seed in UInt64(1)...2 {
            var generator = SeededGenerator(seed: seed)
            var v = [Float](repeating: 0, count: gradient.storage.count)
            for _ in 0..<20 { v[Int(generator.next() % UInt64(v.count))] = generator.normal() }
            let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            directions.append(v.map { $0 / length })
        }
        for (index, v) in directions.enumerated() {
            let analytic = zip(gradient.storage, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            let plus = loss(try statistics(moving: name, along: v, by: h))
            let minus = loss(try statistics(moving: name, along: v, by: -h))
            let numeric = (plus - minus) / (2 * h)
            #expect(abs(numeric - analytic) <= 0.02 * abs(analytic) + 1e-3 * norm,
                    "\(name) direction \(index): finite difference \(numeric), gradient \(analytic), |g| \(norm)")
        }
    }
}

@Test("critic loss gradients match finite differences (both critics, trunk and heads)", arguments: [false, true])
func criticLossGradients(layerNorm: Bool) throws {
    var fixture = try LossGradientFixture(layerNorm: layerNorm)
    let gradients = try fixture.gradients()
    let criticLoss = { (statistics: UpdateStatistics) in statistics.criticLoss.reduce(0, +) }
    try fixture.checkDirectionalDerivatives(of: "agent.critic1.parameters", gradient: gradients.critic1, loss: criticLoss)
    try fixture.checkDirectionalDerivatives(of: "agent.critic2.parameters", gradient: gradients.critic2, loss: criticLoss)
}

@Test("actor loss gradient matches finite differences through the tanh-Gaussian and min(Q1, Q2)", arguments: [false, true])
func actorLossGradient(layerNorm: Bool) throws {
    var fixture = try LossGradientFixture(layerNorm: layerNorm)
    let gradients = try fixture.gradients()
    try fixture.checkDirectionalDerivatives(of: "agent.actor.parameters", gradient: gradients.actor) { $0.actorLoss.reduce(0, +) }
}

@Test("temperature gradients match finite differences of -alpha_k (log pi_k + target entropy)")
func temperatureGradients() throws {
    var fixture = try LossGradientFixture()
    let gradients = try fixture.gradients()
    let target = fixture.agent.targetEntropy
    let h: Float = 1e-3
    for task in 0..<LossGradientFixture.taskCount {
        var unit = [Float](repeating: 0, count: LossGradientFixture.taskCount)
        unit[task] = 1
        func loss(_ statistics: UpdateStatistics) -> Float { -statistics.temperature[task] * (-statistics.entropy[task] + target) }
        let plus = loss(try fixture.statistics(moving: "agent.log_temperatures", along: unit, by: h))
        let minus = loss(try fixture.statistics(moving: "agent.log_temperatures", along: unit, by: -h))
        let numeric = (plus - minus) / (2 * h)
        let analytic = gradients.logTemperatures.storage[task]
        #expect(abs(numeric - analytic) <= 1e-3 * max(1, abs(analytic)), "task \(task): finite difference \(numeric), gradient \(analytic)")
    }
}

@Test("a task's trunk gradients depend only on its own rows of the batch", arguments: [false, true])
func perTaskGradientsUseOwnRows(layerNorm: Bool) throws {
    var fixture = try LossGradientFixture(layerNorm: layerNorm)
    let before = try fixture.gradients()
    for row in fixture.batch.layout.rows(ofTask: 1) {
        fixture.batch.rewards.storage[row] += 1
        for column in 0..<LossGradientFixture.observationSize { fixture.batch.observations[row, column] *= -1 }
    }
    let after = try fixture.gradients()
    for (name, old, new) in [("actor", before.actorPerTask, after.actorPerTask), ("critic", before.criticPerTask, after.criticPerTask)] {
        #expect(old.row(0) == new.row(0), "\(name): task 0's gradient changed when only task 1's rows did")
        #expect(old.row(1) != new.row(1), "\(name): task 1's gradient did not change with its rows")
    }
    #expect(before.statistics.criticLoss[0] == after.statistics.criticLoss[0])
    #expect(before.statistics.actorLoss[0] == after.statistics.actorLoss[0])
}
