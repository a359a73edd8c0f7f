import Agents
import GradientCombiners
import LinearAlgebra
import Testing

@Test("the agent's footprint counts its parameters exactly")
func agentFootprintParameters() throws {
    let settings = SACHyperparameters(hiddenSizes: [16, 8], batchSizePerTask: 4)
    let footprint = AgentFootprint(taskCount: 3, observationSize: 39, actionSize: 4, hyperparameters: settings)
    var generator = SeededGenerator(seed: 1)
    let agent = try MultiTaskSAC(taskCount: 3, observationSize: 39, actionSize: 4, hyperparameters: settings,
                                 combiner: .mean, combinerOptions: CombinerOptions(), generator: &generator)
    let parameters = agent.actor.parameterCount + 4 * agent.critic1.parameterCount
    #expect(footprint.networkBytes == Double(4 * parameters))
    #expect(footprint.optimizerBytes == Double(4 * 2 * (agent.actor.parameterCount + 2 * agent.critic1.parameterCount + 3)))
}
