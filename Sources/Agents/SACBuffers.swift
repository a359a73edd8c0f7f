import LinearAlgebra
import NeuralNetworks

/// Every buffer one SAC update and one acting step use, allocated once so training does not allocate.
struct SACBuffers: Sendable {
    let batchLayout: TaskBatchLayout
    var actorPass: MLPWorkspace
    var critic1Pass: MLPWorkspace
    var critic2Pass: MLPWorkspace
    var target1Pass: MLPWorkspace
    var target2Pass: MLPWorkspace
    var policy: SquashedGaussianPolicy
    var actingActor: MLPWorkspace
    var actingPolicy: SquashedGaussianPolicy
    /// [observation, action] rows for the critics.
    var criticInput: Matrix
    /// Bootstrap targets y (rows x 1).
    var targets: Matrix
    var critic1OutputGradient: Matrix
    var critic2OutputGradient: Matrix
    /// K x (S1 + S2): critic 1's shared gradients, then critic 2's, per task.
    var criticSharedGradients: Matrix
    var criticCombined: Matrix
    var critic1Gradient: Matrix
    var critic2Gradient: Matrix
    var actorSharedGradients: Matrix
    var actorCombined: Matrix
    var actorGradient: Matrix
    var actorOutputGradient: Matrix
    var actionGradient: Matrix
    var logProbabilityGradient: [Float]
    var temperatureGradient: Matrix
    /// The statistics of the last update, refilled in place by the next one.
    var statistics: UpdateStatistics

    init(actor: MultiHeadMLP, critic: MultiHeadMLP, taskCount: Int, batchSizePerTask: Int, actionSize: Int, logStdMin: Float, logStdMax: Float) {
        let layout = TaskBatchLayout(taskCount: taskCount, rowsPerTask: batchSizePerTask)
        let rows = layout.rowCount
        batchLayout = layout
        actorPass = MLPWorkspace(for: actor, layout: layout)
        critic1Pass = MLPWorkspace(for: critic, layout: layout)
        critic2Pass = MLPWorkspace(for: critic, layout: layout)
        target1Pass = MLPWorkspace(for: critic, layout: layout)
        target2Pass = MLPWorkspace(for: critic, layout: layout)
        policy = SquashedGaussianPolicy(rows: rows, actionSize: actionSize, logStdMin: logStdMin, logStdMax: logStdMax)
        actingActor = MLPWorkspace(for: actor, layout: TaskBatchLayout(taskCount: taskCount, rowsPerTask: 1))
        actingPolicy = SquashedGaussianPolicy(rows: taskCount, actionSize: actionSize, logStdMin: logStdMin, logStdMax: logStdMax)
        criticInput = Matrix(rows: rows, columns: critic.inputSize)
        targets = Matrix(rows: rows, columns: 1)
        critic1OutputGradient = Matrix(rows: rows, columns: 1)
        critic2OutputGradient = Matrix(rows: rows, columns: 1)
        criticSharedGradients = Matrix(rows: taskCount, columns: 2 * critic.sharedParameterCount)
        criticCombined = Matrix(rows: 1, columns: 2 * critic.sharedParameterCount)
        critic1Gradient = Matrix(rows: 1, columns: critic.parameterCount)
        critic2Gradient = Matrix(rows: 1, columns: critic.parameterCount)
        actorSharedGradients = Matrix(rows: taskCount, columns: actor.sharedParameterCount)
        actorCombined = Matrix(rows: 1, columns: actor.sharedParameterCount)
        actorGradient = Matrix(rows: 1, columns: actor.parameterCount)
        actorOutputGradient = Matrix(rows: rows, columns: actor.outputSize)
        actionGradient = Matrix(rows: rows, columns: actionSize)
        logProbabilityGradient = [Float](repeating: 0, count: rows)
        temperatureGradient = Matrix(rows: 1, columns: taskCount)
        statistics = UpdateStatistics(taskCount: taskCount)
    }
}
