import Agents
import GradientCombiners
import LinearAlgebra
import NeuralNetworks
import Testing

/// What a sampled row should hold for the transition whose observation is the key: the summed reward,
/// the next observation bootstrapped from and the bootstrap discount.
private typealias Expected = [Float: (reward: Float, next: Float, discount: Float)]

/// A buffer of one-value rows: task k's transition at step t has observation (and action) 100k + t,
/// next observation 100k + t + 0.5 and reward 10^k (t + 1); `ends[k]` lists the steps that end task k's episode.
private func filledBuffer(capacity: Int, steps: Int, ends: [Set<Int>]) -> TaskReplayBuffer {
    var buffer = TaskReplayBuffer(taskCount: ends.count, capacity: capacity, observationSize: 1, actionSize: 1)
    for step in 0..<steps {
        let tasks = 0..<ends.count
        let observations = Matrix(tasks.map { [Float(100 * $0 + step)] })
        let next = Matrix(tasks.map { [Float(100 * $0 + step) + 0.5] })
        let rewards = tasks.map { task in Float([1, 10, 100][task] * (step + 1)) }
        buffer.add(observations: observations, actions: observations, rewards: rewards, nextObservations: next,
                   truncated: tasks.map { ends[$0].contains(step) })
    }
    return buffer
}

/// Samples many rows with `steps`-step returns (gamma 0.5, exact in binary) and checks each against `expected`,
/// and that every expected transition was drawn.
private func expectReturns(_ buffer: TaskReplayBuffer, steps: Int, _ expected: [Expected]) {
    var batch = TransitionBatch(layout: TaskBatchLayout(taskCount: buffer.taskCount, rowsPerTask: 200), observationSize: 1, actionSize: 1, discount: 0.5)
    var generator = SeededGenerator(seed: 11)
    buffer.sample(into: &batch, steps: steps, discount: 0.5, generator: &generator)
    for task in 0..<buffer.taskCount {
        var seen = Set<Float>()
        for row in batch.layout.rows(ofTask: task) {
            let start = batch.observations.storage[row]
            seen.insert(start)
            guard let want = expected[task][start] else {
                Issue.record("task \(task) drew observation \(start), which should not be stored")
                continue
            }
            #expect(batch.actions.storage[row] == start)
            #expect(batch.rewards.storage[row] == want.reward, "task \(task) from \(start): reward")
            #expect(batch.nextObservations.storage[row] == want.next, "task \(task) from \(start): next observation")
            #expect(batch.discounts.storage[row] == want.discount, "task \(task) from \(start): discount")
        }
        #expect(seen == Set(expected[task].keys))
    }
}

@Test("3-step returns stop after an episode end and before the write cursor")
func nStepCutByEpisodeEndAndCursor() {
    // Six transitions in rings of 8: rows 0...5, the cursor at row 6. Task 0's episode ends at step 1.
    let buffer = filledBuffer(capacity: 8, steps: 6, ends: [[1], []])
    let task0: Expected = [
        0: (1 + 0.5 * 2, 1.5, 0.25),                 // cut by the episode end at step 1
        1: (2, 1.5, 0.5),                            // ends its episode itself
        2: (3 + 0.5 * 4 + 0.25 * 5, 4.5, 0.125),
        3: (4 + 0.5 * 5 + 0.25 * 6, 5.5, 0.125),
        4: (5 + 0.5 * 6, 5.5, 0.25),                 // cut by the cursor (step 6 is not written yet)
        5: (6, 5.5, 0.5),
    ]
    let task1: Expected = [
        100: (10 + 0.5 * 20 + 0.25 * 30, 102.5, 0.125), // no episode end in task 1
        101: (20 + 0.5 * 30 + 0.25 * 40, 103.5, 0.125),
        102: (30 + 0.5 * 40 + 0.25 * 50, 104.5, 0.125),
        103: (40 + 0.5 * 50 + 0.25 * 60, 105.5, 0.125),
        104: (50 + 0.5 * 60, 105.5, 0.25),
        105: (60, 105.5, 0.5),
    ]
    expectReturns(buffer, steps: 3, [task0, task1])
}

@Test("in a full ring a 3-step return crosses the last row to the first but never into the oldest transition")
func nStepFullRing() {
    // Six transitions in a ring of 4: rows 0, 1, 2, 3 hold steps 4, 5, 2, 3; the cursor (oldest) is row 2.
    let buffer = filledBuffer(capacity: 4, steps: 6, ends: [[]])
    #expect(buffer.cursors == [2] && buffer.counts == [4])
    let expected: Expected = [
        2: (3 + 0.5 * 4 + 0.25 * 5, 4.5, 0.125),
        3: (4 + 0.5 * 5 + 0.25 * 6, 5.5, 0.125),     // row 3, then rows 0 and 1
        4: (5 + 0.5 * 6, 5.5, 0.25),
        5: (6, 5.5, 0.5),                            // row 1 is the newest: row 2 holds step 2, not step 6
    ]
    expectReturns(buffer, steps: 3, [expected])
    // n = 10 needs more than the ring holds: the chain still stops at the newest row.
    var long = expected
    long[2] = (3 + 0.5 * 4 + 0.25 * 5 + 0.125 * 6, 5.5, 0.0625)
    long[3] = (4 + 0.5 * 5 + 0.25 * 6, 5.5, 0.125)
    expectReturns(buffer, steps: 10, [long])
}

@Test("1-step sampling draws today's rows, rewards and next observations, with discount gamma; n-step draws the same rows")
func oneStepIsToday() {
    let buffer = filledBuffer(capacity: 5, steps: 7, ends: [[2], [4]])
    let layout = TaskBatchLayout(taskCount: 2, rowsPerTask: 64)
    var oneStep = TransitionBatch(layout: layout, observationSize: 1, actionSize: 1, discount: 0)
    var threeStep = oneStep
    var generator = SeededGenerator(seed: 21), threeStepGenerator = generator, reference = generator
    buffer.sample(into: &oneStep, discount: 0.99, generator: &generator)
    buffer.sample(into: &threeStep, steps: 3, discount: 0.99, generator: &threeStepGenerator)
    for task in 0..<2 {
        for row in layout.rows(ofTask: task) {
            let source = task * buffer.capacity + reference.index(below: buffer.counts[task])
            #expect(oneStep.observations.storage[row] == buffer.observations.storage[source])
            #expect(oneStep.actions.storage[row] == buffer.actions.storage[source])
            #expect(oneStep.rewards.storage[row] == buffer.rewards.storage[source])
            #expect(oneStep.nextObservations.storage[row] == buffer.nextObservations.storage[source])
            #expect(oneStep.discounts.storage[row] == 0.99)
        }
    }
    #expect(generator == reference && threeStepGenerator == reference)
    #expect(threeStep.observations == oneStep.observations && threeStep.actions == oneStep.actions)
    #expect(threeStep.rewards != oneStep.rewards)
}

@Test("the critic target bootstraps with each row's discount, not the hyperparameter")
func criticUsesRowDiscounts() throws {
    func agent(discount: Float) throws -> MultiTaskSAC {
        var generator = SeededGenerator(seed: 17)
        let settings = SACHyperparameters(hiddenSizes: [16, 16], batchSizePerTask: 4, discount: discount, initialTemperature: 0.5)
        return try MultiTaskSAC(taskCount: 2, observationSize: 3, actionSize: 2, hyperparameters: settings,
                                combiner: .sum, combinerOptions: CombinerOptions(), generator: &generator)
    }
    var generator = SeededGenerator(seed: 4)
    var batch = TransitionBatch(layout: TaskBatchLayout(taskCount: 2, rowsPerTask: 4), observationSize: 3, actionSize: 2, discount: 0.9)
    for index in batch.observations.storage.indices {
        batch.observations.storage[index] = generator.normal()
        batch.nextObservations.storage[index] = generator.normal()
    }
    for index in batch.actions.storage.indices { batch.actions.storage[index] = generator.uniform(-0.9, 0.9) }
    for index in batch.rewards.storage.indices { batch.rewards.storage[index] = generator.uniform(0, 2) }
    var threeStep = batch
    for row in batch.layout.rows(ofTask: 0) { threeStep.discounts.storage[row] = 0.9 * 0.9 * 0.9 }

    func criticLoss(_ agent: MultiTaskSAC, _ batch: TransitionBatch) throws -> [Float] {
        var agent = agent
        var noise = SeededGenerator(seed: 99)
        return try agent.gradients(for: batch, generator: &noise).statistics.criticLoss
    }
    let base = try criticLoss(try agent(discount: 0.9), batch)
    // Same weights (the discount draws nothing), another hyperparameter: the batch's discounts decide.
    #expect(try criticLoss(try agent(discount: 0.5), batch) == base)
    let changed = try criticLoss(try agent(discount: 0.9), threeStep)
    #expect(changed[0] != base[0])
    #expect(changed[1] == base[1])
}
