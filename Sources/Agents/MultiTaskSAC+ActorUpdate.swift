import LinearAlgebra
import NeuralNetworks

extension MultiTaskSAC {
    /// Actor step. With a ~ pi(s) reparameterised, task k's loss is the mean over its rows of
    /// alpha_k log pi(a|s) - min(Q1, Q2)(s, a). dL/da comes back through whichever critic is the
    /// minimum in each row (their input gradients, parameters untouched); the squashed Gaussian turns
    /// it into dL/d(actor output); one backward pass gives every task's gradient of the actor trunk,
    /// which the actor combiner reduces; each actor head takes its task's plain gradient.
    mutating func updateActor(_ batch: TransitionBatch, generator: inout SeededGenerator) throws {
        try computeActorGradients(batch, generator: &generator)
        actorOptimizer.step(parameters: &actor.parameters, gradient: buffers.actorGradient)
    }

    /// The actor step's losses and entropies (in `buffers.statistics`) and gradient (combined trunk plus
    /// plain heads) in `buffers.actorGradient`, the per-task trunk gradients in `buffers.actorSharedGradients`.
    mutating func computeActorGradients(_ batch: TransitionBatch, generator: inout SeededGenerator) throws {
        let layout = batchLayout
        let rowsPerTask = Float(layout.rowsPerTask)

        actor.forward(batch.observations, workspace: &buffers.actorPass)
        buffers.policy.sample(buffers.actorPass.output, generator: &generator)
        buffers.criticInput.copyColumns(from: batch.observations, count: observationSize, toColumn: 0)
        buffers.criticInput.copyColumns(from: buffers.policy.actions, count: actionSize, toColumn: observationSize)
        workSplitter.run({ critic1.forward(buffers.criticInput, workspace: &buffers.critic1Pass) },
                         { critic2.forward(buffers.criticInput, workspace: &buffers.critic2Pass) })
        for task in 0..<layout.taskCount {
            var loss: Float = 0, logProbabilitySum: Float = 0
            let alpha = temperature(ofTask: task)
            for row in layout.rows(ofTask: task) {
                let q1 = buffers.critic1Pass.output.storage[row], q2 = buffers.critic2Pass.output.storage[row]
                let logProbability = buffers.policy.logProbabilities.storage[row]
                loss += alpha * logProbability - min(q1, q2)
                logProbabilitySum += logProbability
                buffers.critic1OutputGradient.storage[row] = q1 <= q2 ? -1 / rowsPerTask : 0
                buffers.critic2OutputGradient.storage[row] = q1 <= q2 ? 0 : -1 / rowsPerTask
                buffers.logProbabilityGradient[row] = alpha / rowsPerTask
            }
            buffers.statistics.actorLoss[task] = loss / rowsPerTask
            buffers.statistics.entropy[task] = -logProbabilitySum / rowsPerTask
        }
        try checkFinite(buffers.statistics.actorLoss, "actor loss")

        workSplitter.run({ critic1.backwardToInput(buffers.critic1OutputGradient, workspace: &buffers.critic1Pass) },
                         { critic2.backwardToInput(buffers.critic2OutputGradient, workspace: &buffers.critic2Pass) })
        buffers.actionGradient.copyColumns(from: buffers.critic1Pass.inputGradient, sourceColumn: observationSize, count: actionSize, toColumn: 0)
        buffers.actionGradient.addColumns(from: buffers.critic2Pass.inputGradient, sourceColumn: observationSize)
        buffers.policy.backward(actionGradient: buffers.actionGradient, logProbabilityGradient: buffers.logProbabilityGradient,
                                into: &buffers.actorOutputGradient)

        actor.backwardPerTask(buffers.actorOutputGradient, workspace: &buffers.actorPass,
                              sharedGradients: &buffers.actorSharedGradients, headGradient: &buffers.actorGradient, splitter: workSplitter)
        try Self.combine(&actorCombiner, buffers.actorSharedGradients, into: &buffers.actorCombined,
                         report: &buffers.statistics.actorCombination, what: "actor")
        let sharedWidth = actor.sharedParameterCount
        buffers.actorGradient.storage.replaceSubrange(0..<sharedWidth, with: buffers.actorCombined.storage[0..<sharedWidth])
        GradientClipping.clip(&buffers.actorGradient, maximumNorm: hyperparameters.gradientClipNorm)
    }

    /// Temperature step, per task: loss_k = -alpha_k (mean log pi_k + target entropy), so
    /// d loss_k / d log alpha_k = -alpha_k (mean log pi_k + target entropy) with log pi from the actor step.
    mutating func updateTemperatures() throws {
        computeTemperatureGradients()
        temperatureOptimizer.step(parameters: &logTemperatures, gradient: buffers.temperatureGradient)
        recordTemperatures()
        try checkFinite(buffers.statistics.temperature, "temperature")
    }

    /// Writes the current alpha_k into `buffers.statistics.temperature`.
    mutating func recordTemperatures() {
        for task in 0..<taskCount { buffers.statistics.temperature[task] = temperature(ofTask: task) }
    }

    /// d loss_k / d log alpha_k for every task in `buffers.temperatureGradient`, from the entropies the
    /// actor step measured (in `buffers.statistics`).
    mutating func computeTemperatureGradients() {
        for task in 0..<taskCount {
            let meanLogProbability = -buffers.statistics.entropy[task]
            buffers.temperatureGradient.storage[task] = -temperature(ofTask: task) * (meanLogProbability + targetEntropy)
        }
    }
}
