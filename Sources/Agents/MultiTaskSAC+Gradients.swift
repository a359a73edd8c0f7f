import LinearAlgebra

/// The gradients one SAC update would apply, at the agent's current parameters: what gradient checks
/// and conflict analyses inspect.
public struct SACGradients: Sendable {
    /// Gradient of the actor's parameters (1 x P): the combined trunk gradient, then each head's own.
    public var actor: Matrix
    /// Gradient of the first critic's parameters (1 x P), laid out like `actor`.
    public var critic1: Matrix
    /// Gradient of the second critic's parameters.
    public var critic2: Matrix
    /// Gradient of each task's log-temperature (1 x K).
    public var logTemperatures: Matrix
    /// Each task's own gradient of the actor trunk (K x trunk parameters), before combining.
    public var actorPerTask: Matrix
    /// Each task's own gradient of both critic trunks (K x (trunk 1 + trunk 2)), before combining.
    public var criticPerTask: Matrix
    /// The losses and entropies the gradients belong to.
    public var statistics: UpdateStatistics
}

extension MultiTaskSAC {
    /// The critic, actor and temperature gradients of `batch` at the current parameters, without changing
    /// any parameter, optimiser or target network. Unlike `update`, the actor's gradient is taken with the
    /// critics as they are (an update steps the critics first). Draws the same random numbers as `update`.
    public mutating func gradients(for batch: TransitionBatch, generator: inout SeededGenerator) throws -> SACGradients {
        try computeCriticGradients(batch, generator: &generator)
        try computeActorGradients(batch, generator: &generator)
        computeTemperatureGradients()
        recordTemperatures()
        return SACGradients(actor: buffers.actorGradient, critic1: buffers.critic1Gradient, critic2: buffers.critic2Gradient,
                            logTemperatures: buffers.temperatureGradient, actorPerTask: buffers.actorSharedGradients,
                            criticPerTask: buffers.criticSharedGradients, statistics: buffers.statistics)
    }
}
