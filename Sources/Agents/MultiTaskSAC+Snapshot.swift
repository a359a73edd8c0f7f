import GradientCombiners
import LinearAlgebra
import NeuralNetworks

/// The small part of an agent's state that is not a big array: counters and combiner states.
public struct AgentCounters: Codable, Equatable, Sendable {
    /// Updates performed.
    public var updateCount: Int
    /// Adam step counts: actor, critic 1, critic 2, temperatures.
    public var optimizerSteps: [Int]
    /// The actor combiner's saved state.
    public var actorCombiner: CombinerState
    /// The critic combiner's saved state.
    public var criticCombiner: CombinerState
}

extension MultiTaskSAC {
    private var namedNetworks: [(String, MultiHeadMLP)] {
        [("actor", actor), ("critic1", critic1), ("critic2", critic2), ("target1", targetCritic1), ("target2", targetCritic2)]
    }

    private var namedOptimizers: [(String, Adam)] {
        [("actor", actorOptimizer), ("critic1", critic1Optimizer), ("critic2", critic2Optimizer), ("temperature", temperatureOptimizer)]
    }

    /// Every array of the agent's state by name (parameters, Adam moments, log-temperatures).
    public func snapshotTensors() -> [String: [Float]] {
        var tensors = [String: [Float]]()
        for (name, network) in namedNetworks { tensors["agent.\(name).parameters"] = network.parameters.storage }
        for (name, optimizer) in namedOptimizers {
            tensors["agent.\(name).adam.m"] = optimizer.firstMoment
            tensors["agent.\(name).adam.v"] = optimizer.secondMoment
        }
        tensors["agent.log_temperatures"] = logTemperatures.storage
        return tensors
    }

    /// The counters and combiner states.
    public var counters: AgentCounters {
        AgentCounters(updateCount: updateCount, optimizerSteps: namedOptimizers.map { $0.1.stepCount },
                      actorCombiner: actorCombiner.state, criticCombiner: criticCombiner.state)
    }

    /// Restores a snapshot taken from an agent built with the same settings. Throws
    /// `AgentError.checkpointMismatch` naming the first array that does not fit.
    public mutating func restore(tensors: [String: [Float]], counters saved: AgentCounters) throws {
        func array(_ name: String, count: Int) throws -> [Float] {
            guard let values = tensors[name] else { throw AgentError.checkpointMismatch("missing '\(name)'") }
            guard values.count == count else {
                throw AgentError.checkpointMismatch("'\(name)' has \(values.count) values, this agent has \(count) (different network sizes or suite?)")
            }
            return values
        }
        guard saved.optimizerSteps.count == 4 else { throw AgentError.checkpointMismatch("expected 4 optimiser step counts") }
        actor.parameters.storage = try array("agent.actor.parameters", count: actor.parameterCount)
        critic1.parameters.storage = try array("agent.critic1.parameters", count: critic1.parameterCount)
        critic2.parameters.storage = try array("agent.critic2.parameters", count: critic2.parameterCount)
        targetCritic1.parameters.storage = try array("agent.target1.parameters", count: targetCritic1.parameterCount)
        targetCritic2.parameters.storage = try array("agent.target2.parameters", count: targetCritic2.parameterCount)
        logTemperatures.storage = try array("agent.log_temperatures", count: taskCount)
        func restoreOptimizer(_ optimizer: inout Adam, _ name: String, _ steps: Int) throws {
            let first = try array("agent.\(name).adam.m", count: optimizer.parameterCount)
            let second = try array("agent.\(name).adam.v", count: optimizer.parameterCount)
            guard optimizer.restore(stepCount: steps, firstMoment: first, secondMoment: second) else {
                throw AgentError.checkpointMismatch("optimiser '\(name)' does not fit")
            }
        }
        try restoreOptimizer(&actorOptimizer, "actor", saved.optimizerSteps[0])
        try restoreOptimizer(&critic1Optimizer, "critic1", saved.optimizerSteps[1])
        try restoreOptimizer(&critic2Optimizer, "critic2", saved.optimizerSteps[2])
        try restoreOptimizer(&temperatureOptimizer, "temperature", saved.optimizerSteps[3])
        do {
            try actorCombiner.restore(saved.actorCombiner)
            try criticCombiner.restore(saved.criticCombiner)
        } catch {
            throw AgentError.checkpointMismatch("combiner state: \(error)")
        }
        updateCount = saved.updateCount
    }
}
