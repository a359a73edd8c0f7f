import Agents
import Environments
import Foundation
import LinearAlgebra
import Reporting

/// What the trainer tells its caller while it runs (the CLI prints these).
public enum TrainingEvent: Sendable {
    /// Periodic progress: steps done, total, speeds, seconds elapsed.
    case progress(step: Int, total: Int, environmentStepsPerSecond: Double, updatesPerSecond: Double, elapsed: Double, lastMeanSuccess: Double?)
    /// An evaluation finished.
    case evaluated(step: Int, results: [TaskEvaluation])
    /// A checkpoint was written.
    case checkpointed(step: Int)
    /// One step of every task finished (for a live status line; cheap to ignore).
    case stepped(step: Int, total: Int)
}

/// Final figures of a run, written to `summary.json`.
public struct RunSummary: Codable, Sendable {
    /// The suite trained on.
    public var suite: String
    /// The combiner used.
    public var combiner: String
    /// The seed.
    public var seed: UInt64
    /// Steps per task completed.
    public var steps: Int
    /// Mean success over tasks at the last evaluation.
    public var finalMeanSuccess: Double
    /// Best mean success over all evaluations, and its step.
    public var bestMeanSuccess: Double
    /// The step of the best evaluation.
    public var bestStep: Int
    /// Per-task success at the last evaluation, by task name.
    public var finalSuccess: [String: Double]
    /// Wall-clock seconds of the training loop in this process (a resumed run counts its own part).
    public var wallSeconds: Double
    /// Wall-clock seconds of the training loop over the whole run: every earlier process's time up to
    /// the checkpoint this one resumed from, plus this process's. Nil when the run was resumed from a
    /// checkpoint written before the time was saved in checkpoints.
    public var totalWallSeconds: Double?
    /// Shares of the loop's wall time: environment stepping, replay, update, evaluation, logging.
    public var timeShares: [String: Double]
    /// The OpenBLAS kernels the run's products used (OpenBLAS's core name, e.g. SkylakeX or Zen): float
    /// rounding differs between kernels, so a seed repeats bit for bit only on the same ones. Absent in
    /// summaries written before it was recorded.
    public var blasKernels: String?
}

/// Trains multi-head SAC on a suite, evaluates, logs and checkpoints into a run folder.
///
/// The loop: every step, each of the K tasks takes one action (uniformly random during warm-up, then
/// sampled from the policy), the transitions go to the tasks' replay buffers, and after warm-up the
/// agent makes `updates_per_step` updates on batches of `batch_size_per_task` transitions per task.
/// Evaluations run every `eval_every` steps exactly; checkpoints every `checkpoint_every` steps (on
/// episode boundaries, so a resumed run continues exactly as the uninterrupted one would).
public struct Trainer {
    /// The run's config.
    public private(set) var config: ExperimentConfig
    /// The run's folder.
    public let folder: RunFolder
    let suite: Suite
    var agent: MultiTaskSAC
    var replay: TaskReplayBuffer
    /// Scales each task's sampled rewards (nil: raw rewards).
    var normalizer: ReturnNormalizer?
    var generator: SeededGenerator
    var step = 0
    var bestMeanSuccess = -1.0
    var bestStep = 0
    var lastEvaluation: [TaskEvaluation] = []
    var window: LogWindow
    /// Training-loop seconds spent by earlier processes to reach the step this one starts at (0 for a
    /// new run; nil when resumed from a checkpoint that predates saving it).
    var earlierWallSeconds: Double? = 0

    /// A new run in `folder` (which must not hold a run yet). Writes `config.yaml`. Refuses a config
    /// whose arrays would not fit in this machine's memory before allocating any of them.
    public init(config: ExperimentConfig, folder: RunFolder) throws {
        guard !folder.exists else {
            throw ConfigError(description: "\(folder.url.path) already holds a run; use --resume \(folder.url.path) to continue it, or another --run-dir")
        }
        try self.init(fresh: config, folder: folder)
        try AtomicFile.write(config.yaml(), to: folder.configFile)
    }

    /// Reopens the run in `folder` at its last checkpoint. A run stopped before its first checkpoint
    /// starts again at step 0 from its `config.yaml`. With `truncatingLogs`, rows logged after the
    /// checkpoint (or half-written by a killed process) are dropped, ready to continue.
    ///
    /// `steps` gives the run a new training length (at least the checkpoint's step) and records it in
    /// `config.yaml`: a finished run continues to the longer budget exactly as a run started with it
    /// would have (nothing in training depends on the length but where it stops).
    public init(resuming folder: RunFolder, steps: Int? = nil, truncatingLogs: Bool = true) throws {
        guard folder.exists else {
            throw CheckpointError.missing("\(folder.url.path) is not a run folder (no config.yaml)")
        }
        let config = try ExperimentConfig.load(runConfig: folder.configFile)
        try self.init(fresh: config, folder: folder)
        if FileManager.default.fileExists(atPath: folder.checkpointFile.path) {
            let data: Data
            do {
                data = try Data(contentsOf: folder.checkpointFile)
            } catch {
                throw CheckpointError.corrupt("\(folder.checkpointFile.path): cannot be read (\(error.localizedDescription))")
            }
            try restore(from: try TensorArchive(decoding: data, source: folder.checkpointFile.path))
        }
        if let steps, steps != config.steps {
            try setLength(steps)
        }
        if truncatingLogs {
            try RunFolder.truncate(folder.evalFile, header: RunFolder.evalHeader, toStep: step)
            try RunFolder.truncate(folder.trainFile, header: RunFolder.trainHeader, toStep: step)
        }
    }

    /// Changes the training length of a reopened run to `steps` and rewrites `config.yaml` (atomically).
    private mutating func setLength(_ steps: Int) throws {
        guard steps >= step else {
            throw ConfigError(description: "--steps \(steps) is below the step the run's checkpoint is at (\(step)); give at least \(step)")
        }
        var longer = config
        longer.steps = steps
        try longer.validate()
        config = longer
        try AtomicFile.write(config.yaml(), to: folder.configFile)
    }

    /// The state at step 0: the suite, a freshly initialised agent, empty replay buffers.
    private init(fresh config: ExperimentConfig, folder: RunFolder) throws {
        try config.validate()
        self.config = config
        self.folder = folder
        suite = try Evaluator.makeSuite(config)
        try MemoryBudget(config: config, taskCount: suite.count, observationSize: suite.observationSize).check(machineBytes: MachineMemory.bytes)
        var generator = SeededGenerator(seed: config.seed)
        agent = try MultiTaskSAC(
            taskCount: suite.count, observationSize: suite.observationSize, actionSize: 4, hyperparameters: config.agentSettings,
            combiner: config.combiner, combinerOptions: config.combinerOptions, taskNames: suite.taskNames, generator: &generator)
        replay = TaskReplayBuffer(taskCount: suite.count, capacity: config.replayCapacityPerTask, observationSize: suite.observationSize, actionSize: 4)
        if config.returnNormalization == .running {
            normalizer = ReturnNormalizer(taskCount: suite.count, discount: Double(config.discount), targetDeviation: config.normalizedReturnStd)
        }
        self.generator = generator
        window = LogWindow(taskCount: suite.count)
    }

    /// Steps per task completed so far.
    public var completedSteps: Int { step }

    /// Trains until `config.steps` (or, with `pause`, until that step, as if the process were stopped
    /// there), calling `report` with progress, evaluations and checkpoints. When `stopRequested` says
    /// so at an episode boundary, writes a checkpoint there and returns early (the summary's `steps`
    /// tells how far it got), and a resumed run continues exactly as the uninterrupted one. Stops with
    /// an error (the last checkpoint left intact) when training produces NaN or infinity.
    public mutating func run(pause: Int? = nil, stopRequested: () -> Bool = { false }, report: (TrainingEvent) -> Void = { _ in }) throws -> RunSummary {
        agent.workSplitter = WorkSplitter(threadCount: config.resolvedThreads)
        let taskCount = suite.count
        var observations = Matrix(rows: taskCount, columns: suite.observationSize)
        var nextObservations = observations
        var previousObservations = observations
        var rewards = [Float](repeating: 0, count: taskCount)
        var successes = [Bool](repeating: false, count: taskCount)
        var truncated = successes
        var episodeSucceeded = successes
        var randomActions = Matrix(rows: taskCount, columns: 4)
        var batch = TransitionBatch(layout: agent.batchLayout, observationSize: suite.observationSize, actionSize: 4, discount: config.discount)
        // Environments are rebuilt from the seed: replaying the resets done so far (one at start, one per
        // finished episode) restores the layout sequence, and checkpoints sit on episode boundaries.
        observations.storage.withUnsafeMutableBufferPointer { rows in
            for _ in 0..<step / config.horizon { suite.reset(observations: rows.baseAddress!) }
            suite.reset(observations: rows.baseAddress!)
        }
        try replayEpisodeInProgress(&observations, &nextObservations, &rewards, &successes, &truncated, &episodeSucceeded)
        var clock = PhaseClock()
        let tensorBoard = config.logTensorboard ? try TensorBoardLog(folder: folder, resumingAt: step) : nil
        let startStep = step, startUpdates = agent.updateCount
        let end = min(config.steps, pause ?? config.steps)
        while step < end {
            clock.start(.environment)
            let actions: Matrix
            if step < config.warmupSteps {
                for index in randomActions.storage.indices { randomActions.storage[index] = generator.uniform(-1, 1) }
                actions = randomActions
            } else {
                actions = agent.act(observations, deterministic: false, generator: &generator)
            }
            previousObservations.copyValues(from: observations)
            Evaluator.step(suite, actions, &observations, &nextObservations, &rewards, &successes, &truncated)
            clock.start(.replay)
            replay.add(observations: previousObservations, actions: actions, rewards: rewards, nextObservations: nextObservations, truncated: truncated)
            normalizer?.observe(rewards: rewards, episodeEnded: truncated)
            for task in 0..<taskCount {
                if successes[task] { episodeSucceeded[task] = true }
                if truncated[task] {
                    window.recordEpisode(task: task, succeeded: episodeSucceeded[task])
                    episodeSucceeded[task] = false
                }
            }
            if step >= config.warmupSteps {
                for _ in 0..<config.updatesPerStep {
                    clock.start(.replay)
                    replay.sample(into: &batch, steps: config.nStep, discount: config.discount, generator: &generator)
                    normalizer?.normalize(&batch.rewards, layout: batch.layout)
                    clock.start(.update)
                    let statistics = try agent.update(batch, generator: &generator)
                    window.record(statistics)
                }
            }
            step += 1
            clock.start(.logging)
            if step % config.logEvery == 0 {
                try RunFolder.append(window.rows(step: step, taskNames: suite.taskNames), to: folder.trainFile, header: RunFolder.trainHeader)
                try tensorBoard?.logTraining(step: step, window: window, taskNames: suite.taskNames)
                window = LogWindow(taskCount: taskCount)
                let elapsed = clock.total
                report(.progress(step: step, total: config.steps, environmentStepsPerSecond: Double((step - startStep) * taskCount) / elapsed,
                                 updatesPerSecond: Double(agent.updateCount - startUpdates) / elapsed,
                                 elapsed: elapsed, lastMeanSuccess: lastEvaluation.isEmpty ? nil : Evaluator.meanSuccess(lastEvaluation)))
            }
            if step % config.evalEvery == 0 || step == config.steps {
                clock.start(.evaluation)
                try evaluate(report: report)
                try tensorBoard?.logEvaluation(step: step, results: lastEvaluation)
            }
            let stopping = step < end && step % config.horizon == 0 && stopRequested()
            if step % config.checkpointEvery == 0 || step == config.steps || stopping {
                clock.start(.logging)
                try writeCheckpoint(wallSeconds: earlierWallSeconds.map { $0 + clock.total })
                report(.checkpointed(step: step))
            }
            report(.stepped(step: step, total: config.steps))
            if stopping { break }
        }
        clock.stop()
        let summary = RunSummary(
            suite: suite.name, combiner: config.combiner.rawValue, seed: config.seed, steps: step,
            finalMeanSuccess: lastEvaluation.isEmpty ? 0 : Evaluator.meanSuccess(lastEvaluation), bestMeanSuccess: max(bestMeanSuccess, 0), bestStep: bestStep,
            finalSuccess: Dictionary(uniqueKeysWithValues: lastEvaluation.map { ($0.task, $0.successRate) }),
            wallSeconds: clock.total, totalWallSeconds: earlierWallSeconds.map { $0 + clock.total }, timeShares: clock.shares, blasKernels: BLAS.coreName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(summary), to: folder.summaryFile)
        return summary
    }

    /// A finished run whose length is not a multiple of the horizon checkpointed in the middle of an
    /// episode. The environments are deterministic, so stepping them from the episode's start with the
    /// episode's actions, read back from the replay buffers, rebuilds their state exactly; every
    /// replayed observation must equal the stored one. Nothing to do at an episode boundary.
    private func replayEpisodeInProgress(_ observations: inout Matrix, _ nextObservations: inout Matrix, _ rewards: inout [Float],
                                         _ successes: inout [Bool], _ truncated: inout [Bool], _ episodeSucceeded: inout [Bool]) throws {
        let done = step % config.horizon
        guard done > 0 else { return }
        let capacity = replay.capacity
        guard capacity >= done else {
            throw CheckpointError.mismatch("the run stopped \(done) steps into an episode, more than its replay buffers keep (\(capacity)), so the episode cannot be replayed")
        }
        var actions = Matrix(rows: suite.count, columns: replay.actionSize)
        for stepIndex in (step - done)..<step {
            let rows = (0..<suite.count).map { task in task * capacity + stepIndex % capacity }
            for (task, row) in rows.enumerated() {
                for column in 0..<replay.actionSize { actions[task, column] = replay.actions[row, column] }
            }
            Evaluator.step(suite, actions, &observations, &nextObservations, &rewards, &successes, &truncated)
            for (task, row) in rows.enumerated() {
                guard nextObservations.row(task) == replay.nextObservations.row(row) else {
                    throw CheckpointError.mismatch("replaying the episode in progress of task \(suite.taskNames[task]) did not give its stored observations at step \(stepIndex + 1) (made with other environments?)")
                }
                if successes[task] { episodeSucceeded[task] = true }
            }
        }
    }

    mutating func evaluate(report: (TrainingEvent) -> Void) throws {
        let results = try Evaluator.evaluate(agent: &agent, config: config, episodes: config.evalEpisodes)
        let mean = Evaluator.meanSuccess(results)
        var lines = results.map { "\(step),\($0.task),\($0.episodes),\(format($0.successRate)),\(format($0.meanReturn))" }
        let meanReturn = results.map(\.meanReturn).reduce(0, +) / Double(results.count)
        lines.append("\(step),mean,\(config.evalEpisodes),\(format(mean)),\(format(meanReturn))")
        try RunFolder.append(lines, to: folder.evalFile, header: RunFolder.evalHeader)
        lastEvaluation = results
        if mean > bestMeanSuccess {
            bestMeanSuccess = mean
            bestStep = step
        }
        report(.evaluated(step: step, results: results))
    }
}

/// Fixed-precision number text for CSV files (identical across runs with identical values).
func format(_ value: Double) -> String {
    String(format: "%.6g", value)
}
