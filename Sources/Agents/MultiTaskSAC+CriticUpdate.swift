import GradientCombiners
import LinearAlgebra
import NeuralNetworks

extension MultiTaskSAC {
    /// Critic step. Target y = r + d (min(Q1', Q2')(s', a') - alpha_k log pi(a'|s')) with a' ~ pi(s') and d
    /// the row's discount, gamma^m for an m-step reward (no termination: truncated episodes bootstrap).
    /// Task k's loss is the mean over its rows of
    /// (Q1 - y)^2 + (Q2 - y)^2; its gradients of both critics' trunks form row k of one K x (S1 + S2)
    /// matrix, which the critic combiner reduces; each critic head takes its task's plain gradient.
    mutating func updateCritics(_ batch: TransitionBatch, generator: inout SeededGenerator) throws {
        try computeCriticGradients(batch, generator: &generator)
        workSplitter.run({ critic1Optimizer.step(parameters: &critic1.parameters, gradient: buffers.critic1Gradient) },
                         { critic2Optimizer.step(parameters: &critic2.parameters, gradient: buffers.critic2Gradient) })
    }

    /// The critic step's losses (in `buffers.statistics`) and gradients (combined trunk plus plain heads) in
    /// `buffers.critic1Gradient` and `buffers.critic2Gradient`, the per-task trunk gradients in
    /// `buffers.criticSharedGradients`.
    mutating func computeCriticGradients(_ batch: TransitionBatch, generator: inout SeededGenerator) throws {
        let layout = batchLayout
        let rowsPerTask = Float(layout.rowsPerTask)

        actor.forward(batch.nextObservations, workspace: &buffers.actorPass)
        buffers.policy.sample(buffers.actorPass.output, generator: &generator)
        buffers.criticInput.copyColumns(from: batch.nextObservations, count: observationSize, toColumn: 0)
        buffers.criticInput.copyColumns(from: buffers.policy.actions, count: actionSize, toColumn: observationSize)
        workSplitter.run({ targetCritic1.forward(buffers.criticInput, workspace: &buffers.target1Pass) },
                         { targetCritic2.forward(buffers.criticInput, workspace: &buffers.target2Pass) })
        for task in 0..<layout.taskCount {
            let alpha = temperature(ofTask: task)
            for row in layout.rows(ofTask: task) {
                let nextValue = min(buffers.target1Pass.output.storage[row], buffers.target2Pass.output.storage[row])
                    - alpha * buffers.policy.logProbabilities.storage[row]
                buffers.targets.storage[row] = batch.rewards.storage[row] + batch.discounts.storage[row] * nextValue
            }
        }

        buffers.criticInput.copyColumns(from: batch.observations, count: observationSize, toColumn: 0)
        buffers.criticInput.copyColumns(from: batch.actions, count: actionSize, toColumn: observationSize)
        workSplitter.run({ critic1.forward(buffers.criticInput, workspace: &buffers.critic1Pass) },
                         { critic2.forward(buffers.criticInput, workspace: &buffers.critic2Pass) })
        for task in 0..<layout.taskCount {
            var loss: Float = 0
            for row in layout.rows(ofTask: task) {
                let error1 = buffers.critic1Pass.output.storage[row] - buffers.targets.storage[row]
                let error2 = buffers.critic2Pass.output.storage[row] - buffers.targets.storage[row]
                loss += error1 * error1 + error2 * error2
                buffers.critic1OutputGradient.storage[row] = 2 * error1 / rowsPerTask
                buffers.critic2OutputGradient.storage[row] = 2 * error2 / rowsPerTask
            }
            buffers.statistics.criticLoss[task] = loss / rowsPerTask
        }
        try checkFinite(buffers.statistics.criticLoss, "critic loss")

        let sharedWidth = critic1.sharedParameterCount
        buffers.criticSharedGradients.withSharedAccess { shared in
            workSplitter.run({ critic1.backwardPerTask(buffers.critic1OutputGradient, workspace: &buffers.critic1Pass,
                                                       sharedGradients: shared, column: 0, headGradient: &buffers.critic1Gradient) },
                             { critic2.backwardPerTask(buffers.critic2OutputGradient, workspace: &buffers.critic2Pass,
                                                       sharedGradients: shared, column: sharedWidth, headGradient: &buffers.critic2Gradient) })
        }
        try Self.combine(&criticCombiner, buffers.criticSharedGradients, into: &buffers.criticCombined,
                         report: &buffers.statistics.criticCombination, what: "critic")
        buffers.critic1Gradient.storage.replaceSubrange(0..<sharedWidth, with: buffers.criticCombined.storage[0..<sharedWidth])
        buffers.critic2Gradient.storage.replaceSubrange(0..<sharedWidth, with: buffers.criticCombined.storage[sharedWidth..<2 * sharedWidth])
        GradientClipping.clip(&buffers.critic1Gradient, &buffers.critic2Gradient, maximumNorm: hyperparameters.gradientClipNorm)
    }

    /// Polyak averaging: target <- (1 - tau) target + tau critic.
    mutating func updateTargetCritics() {
        let tau = hyperparameters.targetSmoothing
        workSplitter.run({ targetCritic1.parameters.blend(toward: critic1.parameters, weight: tau) },
                         { targetCritic2.parameters.blend(toward: critic2.parameters, weight: tau) })
    }

    /// Throws `AgentError.nonFinite` naming the first task whose `values` entry is not finite.
    func checkFinite(_ values: [Float], _ what: String) throws {
        if let task = values.firstIndex(where: { !$0.isFinite }) {
            throw AgentError.nonFinite("\(what) of task '\(taskNames[task])' is \(values[task])")
        }
    }

    /// Runs `combiner`, filling `report` in place and turning its errors (non-finite gradients) into the agent's.
    static func combine(
        _ combiner: inout any GradientCombiner, _ gradients: Matrix, into combined: inout Matrix, report: inout CombinationReport, what: String
    ) throws {
        do {
            try combiner.combine(gradients, into: &combined, report: &report)
        } catch {
            throw AgentError.nonFinite("\(what) gradients: \(error)")
        }
    }
}
