import Agents
import GradientCombiners
import LinearAlgebra
import NeuralNetworks
import Testing

/// Everything an agent learns after `updates` updates on seeded random batches with `threads` update
/// threads: all networks, the temperatures and the last statistics' losses. `layerNorm` also turns on
/// layer norm in every trunk and gradient clipping.
private func trainedState(combiner: CombinerKind, threads: Int, updates: Int = 6, tasks: Int = 3, observationSize: Int = 5,
                          hidden: [Int] = [16, 12], batchSizePerTask: Int = 5, layerNorm: Bool = false) throws -> [[Float]] {
    var generator = SeededGenerator(seed: 21)
    let actionSize = 2
    var options = CombinerOptions()
    options.fastSubsetSize = 2
    var agent = try MultiTaskSAC(taskCount: tasks, observationSize: observationSize, actionSize: actionSize,
                                 hyperparameters: SACHyperparameters(hiddenSizes: hidden, batchSizePerTask: batchSizePerTask, criticLayerNorm: layerNorm,
                                                                     actorLayerNorm: layerNorm, gradientClipNorm: layerNorm ? 1 : 0),
                                 combiner: combiner, combinerOptions: options, generator: &generator)
    agent.workSplitter = WorkSplitter(threadCount: threads)
    var batch = TransitionBatch(layout: agent.batchLayout, observationSize: observationSize, actionSize: actionSize, discount: 0.99)
    var statistics: UpdateStatistics?
    for _ in 0..<updates {
        for index in batch.observations.storage.indices {
            batch.observations.storage[index] = generator.uniform(-1, 1)
            batch.nextObservations.storage[index] = generator.uniform(-1, 1)
        }
        for index in batch.actions.storage.indices { batch.actions.storage[index] = generator.uniform(-1, 1) }
        for index in batch.rewards.storage.indices { batch.rewards.storage[index] = generator.uniform(0, 1) }
        statistics = try agent.update(batch, generator: &generator)
    }
    return [agent.actor.parameters.storage, agent.critic1.parameters.storage, agent.critic2.parameters.storage,
            agent.targetCritic1.parameters.storage, agent.targetCritic2.parameters.storage, agent.logTemperatures.storage,
            statistics!.criticLoss, statistics!.actorLoss]
}

@Test("an agent's updates are bit-identical with 1, 2 and 3 update threads", arguments: CombinerKind.allCases)
func threadCountDoesNotChangeUpdates(combiner: CombinerKind) throws {
    let serial = try trainedState(combiner: combiner, threads: 1)
    #expect(try trainedState(combiner: combiner, threads: 2) == serial)
    #expect(try trainedState(combiner: combiner, threads: 3) == serial)
}

@Test("with layer norms and clipping, updates are bit-identical with 1 and 2 update threads", arguments: [CombinerKind.mean, .pcgrad])
func threadCountDoesNotChangeRecipeUpdates(combiner: CombinerKind) throws {
    #expect(try trainedState(combiner: combiner, threads: 2, layerNorm: true) == trainedState(combiner: combiner, threads: 1, layerNorm: true))
}

@Test("at the default config's shapes (MT10, 2x256, 32 per task) two update threads give the same agent", arguments: [CombinerKind.mean, .pcgrad])
func threadCountDoesNotChangeDefaultShapes(combiner: CombinerKind) throws {
    func state(_ threads: Int) throws -> [[Float]] {
        try trainedState(combiner: combiner, threads: threads, updates: 3, tasks: 10, observationSize: 49, hidden: [256, 256], batchSizePerTask: 32)
    }
    #expect(try state(2) == state(1))
}
