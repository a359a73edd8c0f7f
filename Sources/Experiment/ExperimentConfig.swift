import Foundation
import Agents
import Environments
import GradientCombiners

/// Everything that defines a training run. A run folder's `config.yaml` holds all of it, resolved, so a
/// run can be repeated or resumed from its folder alone. Keys and their meaning are listed once, in
/// `ExperimentConfig.keys` (which the YAML reader, the writer and the README's reference all use).
public struct ExperimentConfig: Equatable, Sendable {
    /// The suite to train on: `mt10`, `mt50`, or `mt1:<task>` (one task).
    public var suite = "mt10"
    /// How shared-parameter gradients of the tasks are combined at every update.
    public var combiner = CombinerKind.pcgrad
    /// Seed of everything random in the run (weights, layouts, exploration, replay sampling, combiners).
    public var seed: UInt64 = 1
    /// Training length in environment steps per task (each step advances every task once).
    public var steps = 100_000
    /// Steps of uniformly random actions before the policy acts and updates begin.
    public var warmupSteps = 1_500
    /// Agent updates per environment step (the update-to-data ratio).
    public var updatesPerStep = 1
    /// Evaluate every this many steps (exactly, not rounded to episode ends), and at the end.
    public var evalEvery = 5_000
    /// Deterministic evaluation episodes per task (episode i uses layout i mod 50).
    public var evalEpisodes = 50
    /// Write a checkpoint every this many steps; a multiple of the horizon, so checkpoints fall on
    /// episode boundaries and a resumed run repeats the uninterrupted one exactly.
    public var checkpointEvery = 3_000
    /// Write a `train.csv` row (means over the last window of updates) every this many steps.
    public var logEvery = 1_500
    /// Episode length before time-limit truncation: 150 (the papers' v1 setup) or 500 (Meta-World v3).
    public var horizon = 150
    /// `resampled` (a layout drawn at every reset, today's standard) or `fixed` (one layout per task).
    public var layouts = LayoutMode.resampled
    /// Widths of the shared hidden layers of actor and critics.
    public var hiddenSizes = [256, 256]
    /// Transitions sampled from each task's replay buffer per update.
    public var batchSizePerTask = 32
    /// Transitions kept per task.
    public var replayCapacityPerTask = 100_000
    /// Discount factor.
    public var discount: Float = 0.99
    /// Transitions summed into each critic target's reward (n-step return, cut at episode ends and at
    /// the newest stored transition); 1 is the one-step target.
    public var nStep = 1
    /// Polyak rate of the target critics.
    public var targetSmoothing: Float = 0.005
    /// Adam step size of the actor.
    public var actorLearningRate: Float = 3e-4
    /// Adam step size of the critics.
    public var criticLearningRate: Float = 3e-4
    /// Adam step size of the per-task log-temperatures.
    public var temperatureLearningRate: Float = 3e-4
    /// Initial temperature of every task.
    public var initialTemperature: Float = 0.1
    /// Target entropy of the policy per task (SAC's heuristic: minus the action size, -4).
    public var targetEntropy: Float = -4
    /// Lower bound of the policy's log standard deviation. The reference SAC's -20 maps a fresh
    /// network's output to log sigma near -9, an almost deterministic first policy; CleanRL uses -5.
    public var logStdMin: Float = -20
    /// Upper bound of the policy's log standard deviation.
    public var logStdMax: Float = 2
    /// Layer normalisation before every ReLU of the critics' trunks (BRO/BRC; the papers' agent has none).
    public var criticLayerNorm = true
    /// Layer normalisation before every ReLU of the actor's trunk.
    public var actorLayerNorm = false
    /// Largest global norm of an update's actor gradient and of its critics' gradient, after the
    /// combiner; 0 is off (Meta-World+: 1).
    public var gradientClipNorm: Float = 0
    /// Per-task reward scaling by the task's running return scale (`ReturnNormalizer`), or none.
    public var returnNormalization = ReturnNormalization.none
    /// The standard deviation each task's discounted return is scaled to by `running` normalisation.
    public var normalizedReturnStd: Double = 100
    /// CAGrad's c: radius of the ball around the mean gradient, relative to its norm.
    public var cagradC: Double = 0.9
    /// CAGrad's output scaling: none, 1/(1+c^2) or 1/(1+c).
    public var cagradRescale = CAGradRescale.inverseOnePlusCSquared
    /// PCGrad's reduction of the projected gradients: sum (the paper) or mean (mtrl).
    public var pcgradReduction = GradientReduction.sum
    /// PCGrad's order of the other tasks: random (the paper) or fixed.
    public var pcgradOrder = PCGradOrder.random
    /// CAGrad-Fast's number of sampled tasks.
    public var cagradFastSubset = 4
    /// Threads of the SAC update: the twin critics side by side and the tasks' weight-gradient products
    /// split, each product single-threaded, waits blocking (no spinning). 0 means one per active core;
    /// results are bit-identical at any count (see docs/PERFORMANCE.md).
    public var threads = 0
    /// OpenBLAS threads (set once per process). Keep 1: more threads than free cores make OpenBLAS
    /// spin, 11x slower when the other core is busy (see docs/PERFORMANCE.md); `threads` uses the cores.
    public var blasThreads = 1
    /// Also write the eval.csv and train.csv scalars as a TensorBoard event file in the run folder.
    public var logTensorboard = false

    /// The defaults, which `Configs/default.yaml` mirrors.
    public init() {}

    /// The update's thread count: `threads`, or with 0 the number of active cores.
    public var resolvedThreads: Int { threads == 0 ? ProcessInfo.processInfo.activeProcessorCount : threads }

    /// The suite's name as it appears in run-folder names (`mt1:reach` becomes `mt1-reach`).
    public var suiteFolderName: String { suite.replacingOccurrences(of: ":", with: "-") }

    /// The agent settings these keys describe.
    public var agentSettings: SACHyperparameters {
        SACHyperparameters(
            hiddenSizes: hiddenSizes, batchSizePerTask: batchSizePerTask, discount: discount, targetSmoothing: targetSmoothing,
            actorLearningRate: actorLearningRate, criticLearningRate: criticLearningRate,
            temperatureLearningRate: temperatureLearningRate, initialTemperature: initialTemperature,
            targetEntropy: targetEntropy, logStdMin: logStdMin, logStdMax: logStdMax,
            criticLayerNorm: criticLayerNorm, actorLayerNorm: actorLayerNorm, gradientClipNorm: gradientClipNorm)
    }

    /// The combiner options these keys describe.
    public var combinerOptions: CombinerOptions {
        var options = CombinerOptions()
        options.cagradC = cagradC
        options.cagradRescale = cagradRescale
        options.pcgradReduction = pcgradReduction
        options.pcgradOrder = pcgradOrder
        options.fastSubsetSize = cagradFastSubset
        return options
    }

    /// Every problem with these values, one sentence each naming the key (empty when valid).
    public func problems() -> [String] {
        var found = [String]()
        func need(_ condition: Bool, _ message: @autoclosure () -> String) { if !condition { found.append(message()) } }
        need(steps >= 1, "steps must be at least 1, got \(steps)")
        need(warmupSteps >= 1, "warmup_steps must be at least 1 (updates need data), got \(warmupSteps)")
        need(warmupSteps < steps || steps < 1,
             "warmup_steps (\(warmupSteps)) must be less than steps (\(steps)), or the agent never updates; lower warmup_steps or raise steps")
        need(updatesPerStep >= 1, "updates_per_step must be at least 1, got \(updatesPerStep)")
        need(evalEvery >= 1, "eval_every must be at least 1, got \(evalEvery)")
        need(evalEpisodes >= 1, "eval_episodes must be at least 1, got \(evalEpisodes)")
        need(logEvery >= 1, "log_every must be at least 1, got \(logEvery)")
        need(horizon >= 1, "horizon must be at least 1, got \(horizon)")
        need(checkpointEvery >= 1 && checkpointEvery % max(horizon, 1) == 0,
             "checkpoint_every must be a positive multiple of horizon (\(horizon)) so checkpoints fall on episode boundaries, got \(checkpointEvery)")
        need(logEvery < 1 || checkpointEvery % logEvery == 0,
             "checkpoint_every (\(checkpointEvery)) must be a multiple of log_every (\(logEvery)) so a resumed run logs the same windows")
        need(nStep >= 1 && nStep <= max(horizon, 1), "n_step must be in 1...horizon (1...\(horizon)), got \(nStep)")
        need(replayCapacityPerTask >= 1, "replay_capacity_per_task must be at least 1, got \(replayCapacityPerTask)")
        need(threads >= 0 && threads <= 64, "threads must be in 0...64 (0: one per active core), got \(threads)")
        need(blasThreads >= 1 && blasThreads <= 64, "blas_threads must be in 1...64, got \(blasThreads)")
        need(blasThreads == 1 || threads == 1,
             "blas_threads \(blasThreads) with threads \(threads) would run two kinds of threads on the same cores; use threads (OpenBLAS at 1, the default) or set threads: 1 to keep blas_threads")
        need(logStdMin < logStdMax, "log_std_min (\(logStdMin)) must be below log_std_max (\(logStdMax))")
        need(gradientClipNorm >= 0, "gradient_clip_norm must be non-negative (0 turns clipping off), got \(gradientClipNorm)")
        need(normalizedReturnStd > 0, "normalized_return_std must be positive, got \(normalizedReturnStd)")
        need(cagradC.isFinite && cagradC >= 0, "cagrad_c must be a finite number >= 0, got \(cagradC)")
        need(cagradFastSubset >= 1, "cagrad_fast_subset must be at least 1, got \(cagradFastSubset)")
        found += agentSettings.problems().filter { !$0.hasPrefix("log-std bounds") && !$0.hasPrefix("gradient clip norm") }
        return found
    }
}

/// How rewards are scaled per task before the critics see them.
public enum ReturnNormalization: String, CaseIterable, Sendable {
    /// Raw rewards (the papers' agent).
    case none
    /// Each task's rewards divided by its running return scale (`ReturnNormalizer`).
    case running
}
