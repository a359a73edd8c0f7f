import Foundation
import GradientCombiners
import LinearAlgebra
import NeuralNetworks

/// Multi-task, multi-head soft actor-critic with a gradient combiner on the shared parameters.
///
/// Actor and twin critics each have a shared trunk and one output head per task; every task has its
/// own temperature. Every loss is kept per task: one backward pass gives each task's gradient of the
/// shared trunk (`MultiHeadMLP.backwardPerTask`), the combiner turns those K gradients into one update
/// (mean: plain multi-head SAC; PCGrad, CAGrad, ...: gradient surgery), and each head and temperature
/// takes its own task's plain gradient. The twin critics' shared gradients are combined together as
/// one vector, since a task's critic loss is the sum of both critics' errors.
public struct MultiTaskSAC: Sendable {
    /// Number of tasks K.
    public let taskCount: Int
    /// The tasks' names, for messages.
    public let taskNames: [String]
    /// Width of an observation row (including any one-hot task id).
    public let observationSize: Int
    /// Width of an action row.
    public let actionSize: Int
    /// The settings.
    public let hyperparameters: SACHyperparameters
    /// The policy network: outputs [mu, raw log-std] per head.
    public internal(set) var actor: MultiHeadMLP
    /// The first Q network: input [observation, action], one value per head.
    public internal(set) var critic1: MultiHeadMLP
    /// The second Q network.
    public internal(set) var critic2: MultiHeadMLP
    /// Polyak-averaged copy of `critic1` for the bootstrap target.
    public internal(set) var targetCritic1: MultiHeadMLP
    /// Polyak-averaged copy of `critic2`.
    public internal(set) var targetCritic2: MultiHeadMLP
    /// log(alpha_k) for every task (1 x K).
    public internal(set) var logTemperatures: Matrix
    /// Optimiser of the actor.
    public internal(set) var actorOptimizer: Adam
    /// Optimiser of `critic1`.
    public internal(set) var critic1Optimizer: Adam
    /// Optimiser of `critic2`.
    public internal(set) var critic2Optimizer: Adam
    /// Optimiser of the log-temperatures.
    public internal(set) var temperatureOptimizer: Adam
    /// Combines the actor's per-task gradients of its trunk.
    public internal(set) var actorCombiner: any GradientCombiner
    /// Combines the critics' per-task gradients of their trunks.
    public internal(set) var criticCombiner: any GradientCombiner
    /// Updates performed so far.
    public internal(set) var updateCount: Int = 0
    /// How an update shares its independent work over threads: the twin critics side by side, and the
    /// tasks' weight-gradient products of the actor. Results are bit-identical at any thread count, so
    /// this is a setting of the process, not of the agent's state (snapshots do not hold it).
    public var workSplitter = WorkSplitter.serial
    var buffers: SACBuffers

    /// A freshly initialised agent. `generator` draws the initial weights.
    public init(
        taskCount: Int, observationSize: Int, actionSize: Int, hyperparameters: SACHyperparameters,
        combiner: CombinerKind, combinerOptions: CombinerOptions, taskNames: [String]? = nil, generator: inout SeededGenerator
    ) throws {
        if let taskNames, taskNames.count != taskCount {
            throw AgentError.invalidSettings("\(taskNames.count) task names for \(taskCount) tasks")
        }
        self.taskNames = taskNames ?? (0..<taskCount).map { "task \($0)" }
        let problems = hyperparameters.problems()
        guard problems.isEmpty else { throw AgentError.invalidSettings(problems.joined(separator: "; ")) }
        self.taskCount = taskCount
        self.observationSize = observationSize
        self.actionSize = actionSize
        self.hyperparameters = hyperparameters
        let hidden = hyperparameters.hiddenSizes
        actor = MultiHeadMLP(inputSize: observationSize, hiddenSizes: hidden, outputSize: 2 * actionSize, headCount: taskCount,
                             layerNorm: hyperparameters.actorLayerNorm, generator: &generator)
        critic1 = MultiHeadMLP(inputSize: observationSize + actionSize, hiddenSizes: hidden, outputSize: 1, headCount: taskCount,
                               layerNorm: hyperparameters.criticLayerNorm, generator: &generator)
        critic2 = MultiHeadMLP(inputSize: observationSize + actionSize, hiddenSizes: hidden, outputSize: 1, headCount: taskCount,
                               layerNorm: hyperparameters.criticLayerNorm, generator: &generator)
        targetCritic1 = critic1
        targetCritic2 = critic2
        logTemperatures = Matrix(rows: 1, columns: taskCount, repeating: logf(hyperparameters.initialTemperature))
        actorOptimizer = Adam(parameterCount: actor.parameterCount, learningRate: hyperparameters.actorLearningRate)
        critic1Optimizer = Adam(parameterCount: critic1.parameterCount, learningRate: hyperparameters.criticLearningRate)
        critic2Optimizer = Adam(parameterCount: critic2.parameterCount, learningRate: hyperparameters.criticLearningRate)
        temperatureOptimizer = Adam(parameterCount: taskCount, learningRate: hyperparameters.temperatureLearningRate)
        actorCombiner = try makeCombiner(kind: combiner, options: combinerOptions, taskCount: taskCount, seed: generator.next())
        criticCombiner = try makeCombiner(kind: combiner, options: combinerOptions, taskCount: taskCount, seed: generator.next())
        buffers = SACBuffers(actor: actor, critic: critic1, taskCount: taskCount, batchSizePerTask: hyperparameters.batchSizePerTask,
                             actionSize: actionSize, logStdMin: hyperparameters.logStdMin, logStdMax: hyperparameters.logStdMax)
    }

    /// The entropy the temperatures steer towards: the configured one, or -|A|.
    public var targetEntropy: Float { hyperparameters.targetEntropy ?? -Float(actionSize) }

    /// alpha_k = exp(log alpha_k) for every task.
    public var temperatures: [Float] { logTemperatures.storage.map { expf($0) } }

    /// alpha_k = exp(log alpha_k) of task `task` (the update's loops read this, which allocates nothing).
    func temperature(ofTask task: Int) -> Float { expf(logTemperatures.storage[task]) }

    /// The batch layout of updates: K tasks x `batchSizePerTask` rows.
    public var batchLayout: TaskBatchLayout { buffers.batchLayout }

    /// One action per task: row k of `observations` (K x observation size) is task k's observation and
    /// is answered by head k. `deterministic` gives tanh(mu) (evaluation); otherwise a sample.
    public mutating func act(_ observations: Matrix, deterministic: Bool, generator: inout SeededGenerator) -> Matrix {
        precondition(
            observations.rows == taskCount && observations.columns == observationSize,
            "MultiTaskSAC.act: observations are \(observations.shapeDescription), expected \(taskCount)x\(observationSize)")
        actor.forward(observations, workspace: &buffers.actingActor)
        buffers.actingPolicy.sample(buffers.actingActor.output, deterministic: deterministic, generator: &generator)
        return buffers.actingPolicy.actions
    }

    /// One SAC update on `batch` (critics, then actor, then temperatures, then the target critics).
    /// Throws `AgentError.nonFinite` when a loss or gradient is not finite; the agent should then be
    /// discarded (the trainer falls back to its last checkpoint).
    public mutating func update(_ batch: TransitionBatch, generator: inout SeededGenerator) throws -> UpdateStatistics {
        precondition(
            batch.layout == batchLayout && batch.observations.columns == observationSize && batch.actions.columns == actionSize,
            "MultiTaskSAC.update: a batch of \(batch.layout.taskCount)x\(batch.layout.rowsPerTask) rows with \(batch.observations.columns) observation and \(batch.actions.columns) action values does not fit an agent for \(taskCount)x\(batchLayout.rowsPerTask) rows, \(observationSize) and \(actionSize)")
        try updateCritics(batch, generator: &generator)
        try updateActor(batch, generator: &generator)
        try updateTemperatures()
        updateTargetCritics()
        updateCount += 1
        return buffers.statistics
    }
}
