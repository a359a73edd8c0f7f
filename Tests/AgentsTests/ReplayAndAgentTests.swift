import Agents
import Foundation
import GradientCombiners
import LinearAlgebra
import NeuralNetworks
import Testing

@Test("replay buffers keep tasks apart, wrap around and sample each task's own rows")
func replayBuffers() {
    var buffer = TaskReplayBuffer(taskCount: 2, capacity: 3, observationSize: 1, actionSize: 1)
    for step in 0..<5 {
        // Task k's transition at step t has observation 10k + t.
        let observations = Matrix([[Float(step)], [Float(10 + step)]])
        buffer.add(observations: observations, actions: observations, rewards: [Float(step), Float(10 + step)], nextObservations: observations,
                   truncated: [false, false])
    }
    #expect(buffer.counts == [3, 3])
    var batch = TransitionBatch(layout: TaskBatchLayout(taskCount: 2, rowsPerTask: 50), observationSize: 1, actionSize: 1, discount: 0.99)
    var generator = SeededGenerator(seed: 3)
    buffer.sample(into: &batch, discount: 0.99, generator: &generator)
    let first = Set(batch.observations.storage[0..<50]), second = Set(batch.observations.storage[50..<100])
    #expect(first == [2, 3, 4])
    #expect(second == [12, 13, 14])
    #expect(batch.rewards.storage == batch.observations.storage)
}

@Test("packed replay contents hold only stored rows and restore the same buffers, full or not")
func replayPackedRoundTrip() throws {
    var buffer = TaskReplayBuffer(taskCount: 3, capacity: 4, observationSize: 2, actionSize: 1)
    for step in 0..<6 {
        let observations = Matrix([[Float(step), 1], [Float(10 + step), 2], [Float(20 + step), 3]])
        buffer.add(observations: observations, actions: Matrix([[Float(step)], [Float(-step)], [0.5]]),
                   rewards: [Float(step), Float(-step), 7], nextObservations: observations, truncated: [step % 2 == 1, false, step == 4])
    }
    let contents = buffer.packedContents()
    #expect(contents.rewards.count == 12)
    var copy = TaskReplayBuffer(taskCount: 3, capacity: 4, observationSize: 2, actionSize: 1)
    try copy.restore(contents, counts: buffer.counts, cursors: buffer.cursors)
    #expect(copy.observations == buffer.observations && copy.actions == buffer.actions)
    #expect(copy.rewards == buffer.rewards && copy.nextObservations == buffer.nextObservations && copy.episodeEnds == buffer.episodeEnds)
    #expect(copy.counts == buffer.counts && copy.cursors == buffer.cursors)

    var partial = TaskReplayBuffer(taskCount: 2, capacity: 100, observationSize: 2, actionSize: 1)
    partial.add(observations: Matrix([[1, 2], [3, 4]]), actions: Matrix([[0.1], [0.2]]), rewards: [5, 6], nextObservations: Matrix([[7, 8], [9, 10]]),
                truncated: [true, false])
    let packed = partial.packedContents()
    #expect(packed == ReplayContents(observations: [1, 2, 3, 4], actions: [0.1, 0.2], rewards: [5, 6], nextObservations: [7, 8, 9, 10],
                                     episodeEnds: [true, false]))
    var restored = TaskReplayBuffer(taskCount: 2, capacity: 100, observationSize: 2, actionSize: 1)
    try restored.restore(packed, counts: partial.counts, cursors: partial.cursors)
    #expect(restored.observations == partial.observations && restored.nextObservations == partial.nextObservations)
    #expect(restored.episodeEnds == partial.episodeEnds)
    #expect(throws: AgentError.self) { try restored.restore(packed, counts: [2, 1], cursors: [1, 1]) }
}

/// Two one-step bandit tasks with opposite optimal actions: reward_k = -|a - target_k|^2 and s' = s.
/// After a few hundred updates each head's deterministic action must point to its own task's target,
/// which needs the critic, the actor and the per-task heads all to work.
@Test("multi-head SAC learns two opposite bandits", arguments: [CombinerKind.mean, .pcgrad, .cagrad])
func learnsBandits(combiner: CombinerKind) throws {
    let targets: [[Float]] = [[0.6, -0.6], [-0.6, 0.6]]
    var generator = SeededGenerator(seed: 5)
    let settings = SACHyperparameters(hiddenSizes: [32, 32], batchSizePerTask: 32, discount: 0, actorLearningRate: 3e-3,
                                      criticLearningRate: 3e-3, temperatureLearningRate: 3e-3, initialTemperature: 0.1)
    var agent = try MultiTaskSAC(taskCount: 2, observationSize: 3, actionSize: 2, hyperparameters: settings,
                                 combiner: combiner, combinerOptions: CombinerOptions(), generator: &generator)
    var buffer = TaskReplayBuffer(taskCount: 2, capacity: 2_000, observationSize: 3, actionSize: 2)
    let observations = Matrix([[1, 0, 0.5], [0, 1, 0.5]])
    var batch = TransitionBatch(layout: agent.batchLayout, observationSize: 3, actionSize: 2, discount: settings.discount)
    for step in 0..<600 {
        let actions: Matrix
        if step < 100 {
            actions = Matrix(rows: 2, columns: 2, storage: (0..<4).map { _ in generator.uniform(-1, 1) })
        } else {
            actions = agent.act(observations, deterministic: false, generator: &generator)
        }
        let rewards = (0..<2).map { task in -(0..<2).reduce(Float(0)) { $0 + pow(actions[task, $1] - targets[task][$1], 2) } }
        buffer.add(observations: observations, actions: actions, rewards: rewards, nextObservations: observations, truncated: [true, true])
        if step >= 50 {
            buffer.sample(into: &batch, discount: settings.discount, generator: &generator)
            let statistics = try agent.update(batch, generator: &generator)
            #expect(statistics.criticLoss.allSatisfy { $0.isFinite })
        }
    }
    let final = agent.act(observations, deterministic: true, generator: &generator)
    for task in 0..<2 {
        for j in 0..<2 {
            #expect(abs(final[task, j] - targets[task][j]) < 0.25, "\(combiner) task \(task) action \(final.row(task)) target \(targets[task])")
        }
    }
}

@Test("the same seed gives the same agent and updates")
func seededAgentsRepeat() throws {
    func run() throws -> [Float] {
        var generator = SeededGenerator(seed: 8)
        var agent = try MultiTaskSAC(taskCount: 2, observationSize: 2, actionSize: 1, hyperparameters: SACHyperparameters(hiddenSizes: [8], batchSizePerTask: 4),
                                     combiner: .pcgrad, combinerOptions: CombinerOptions(), generator: &generator)
        var buffer = TaskReplayBuffer(taskCount: 2, capacity: 10, observationSize: 2, actionSize: 1)
        let observations = Matrix([[1, 0], [0, 1]])
        let discount = agent.hyperparameters.discount
        var batch = TransitionBatch(layout: agent.batchLayout, observationSize: 2, actionSize: 1, discount: discount)
        for _ in 0..<10 {
            let actions = agent.act(observations, deterministic: false, generator: &generator)
            buffer.add(observations: observations, actions: actions, rewards: [1, -1], nextObservations: observations, truncated: [false, false])
            buffer.sample(into: &batch, discount: discount, generator: &generator)
            _ = try agent.update(batch, generator: &generator)
        }
        return agent.actor.parameters.storage
    }
    let first = try run(), second = try run()
    #expect(first == second)
}

@Test("invalid settings are refused with the problem named")
func invalidSettings() {
    var generator = SeededGenerator(seed: 1)
    #expect(throws: AgentError.self) {
        _ = try MultiTaskSAC(taskCount: 2, observationSize: 2, actionSize: 1, hyperparameters: SACHyperparameters(batchSizePerTask: 0),
                             combiner: .mean, combinerOptions: CombinerOptions(), generator: &generator)
    }
}

@Test("after an update each target critic is (1 - tau) old target + tau new critic")
func targetUpdateArithmetic() throws {
    var generator = SeededGenerator(seed: 12)
    let settings = SACHyperparameters(hiddenSizes: [8], batchSizePerTask: 4, targetSmoothing: 0.25)
    var agent = try MultiTaskSAC(taskCount: 2, observationSize: 3, actionSize: 2, hyperparameters: settings,
                                 combiner: .mean, combinerOptions: CombinerOptions(), generator: &generator)
    var batch = TransitionBatch(layout: agent.batchLayout, observationSize: 3, actionSize: 2, discount: settings.discount)
    for index in batch.observations.storage.indices {
        batch.observations.storage[index] = generator.uniform(-1, 1)
        batch.nextObservations.storage[index] = generator.uniform(-1, 1)
    }
    for index in batch.actions.storage.indices { batch.actions.storage[index] = generator.uniform(-1, 1) }
    for index in batch.rewards.storage.indices { batch.rewards.storage[index] = generator.uniform(0, 10) }
    let oldTarget1 = agent.targetCritic1.parameters, oldTarget2 = agent.targetCritic2.parameters
    _ = try agent.update(batch, generator: &generator)
    #expect(agent.critic1.parameters != oldTarget1)
    for (target, old, critic) in [(agent.targetCritic1, oldTarget1, agent.critic1), (agent.targetCritic2, oldTarget2, agent.critic2)] {
        for index in old.storage.indices {
            let expected = 0.75 * old.storage[index] + 0.25 * critic.parameters.storage[index]
            #expect(abs(target.parameters.storage[index] - expected) < 1e-6)
        }
    }
}
