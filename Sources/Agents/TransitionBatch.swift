import LinearAlgebra
import NeuralNetworks

/// A batch of transitions grouped by task: rows `layout.rows(ofTask: k)` all come from task k.
public struct TransitionBatch: Sendable {
    /// How rows map to tasks.
    public let layout: TaskBatchLayout
    /// Observations s (rows x observation size).
    public var observations: Matrix
    /// Actions a in [-1, 1] (rows x action size).
    public var actions: Matrix
    /// Rewards r (rows x 1).
    public var rewards: Matrix
    /// Next observations s' (rows x observation size). Time-limit truncation is not termination, so
    /// every transition bootstraps from s'.
    public var nextObservations: Matrix
    /// The factor of each row's bootstrap value in the critic target (rows x 1): gamma^m for a reward
    /// summed over m transitions, so gamma itself for one-step transitions.
    public var discounts: Matrix

    /// An empty batch of the given shape whose rows all bootstrap with `discount` (the one-step gamma).
    public init(layout: TaskBatchLayout, observationSize: Int, actionSize: Int, discount: Float) {
        self.layout = layout
        observations = Matrix(rows: layout.rowCount, columns: observationSize)
        actions = Matrix(rows: layout.rowCount, columns: actionSize)
        rewards = Matrix(rows: layout.rowCount, columns: 1)
        nextObservations = Matrix(rows: layout.rowCount, columns: observationSize)
        discounts = Matrix(rows: layout.rowCount, columns: 1, repeating: discount)
    }
}
