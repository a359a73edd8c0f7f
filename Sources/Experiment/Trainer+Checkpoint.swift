import Agents
import Foundation
import LinearAlgebra
import Reporting

extension Trainer {
    /// Saved trainer counters (everything but the arrays).
    struct TrainerCounters: Codable {
        var step: Int
        var generator: SeededGenerator
        var bestMeanSuccess: Double
        var bestStep: Int
        var lastEvaluation: [TaskEvaluation]
        var replayCounts: [Int]
        var replayCursors: [Int]
        /// The `train.csv` window in progress (a checkpoint between two log rows, written when a run is
        /// interrupted); absent in checkpoints written on log boundaries by older versions.
        var window: LogWindow?
        /// Training-loop wall seconds of the run up to this checkpoint, over every process; absent in
        /// checkpoints written before it was saved.
        var wallSeconds: Double?
    }

    /// Writes `checkpoint.bin` atomically: the agent, the stored part of the replay buffers, the generator
    /// and counters. `wallSeconds` is the run's training-loop time so far (nil when unknown).
    func writeCheckpoint(wallSeconds: Double?) throws {
        var archive = TensorArchive()
        archive.tensors = agent.snapshotTensors()
        let stored = replay.packedContents()
        archive.tensors["replay.observations"] = stored.observations
        archive.tensors["replay.actions"] = stored.actions
        archive.tensors["replay.rewards"] = stored.rewards
        archive.tensors["replay.next_observations"] = stored.nextObservations
        archive.tensors["replay.episode_ends"] = stored.episodeEnds.map { $0 ? 1 : 0 }
        try archive.encode(agent.counters, "agent")
        if let normalizer { try archive.encode(normalizer, "normalizer") }
        try archive.encode(TrainerCounters(step: step, generator: generator, bestMeanSuccess: bestMeanSuccess, bestStep: bestStep,
                                           lastEvaluation: lastEvaluation, replayCounts: replay.counts, replayCursors: replay.cursors, window: window,
                                           wallSeconds: wallSeconds), "trainer")
        archive.metadata["suite"] = suite.name
        do {
            try AtomicFile.write(try archive.encoded(), to: folder.checkpointFile)
        } catch {
            throw CheckpointError.unwritable("\(folder.checkpointFile.path) at step \(step): \(error.localizedDescription); the previous checkpoint is intact, free space and continue with mtrl train --resume \(folder.url.path)")
        }
    }

    /// Loads the state written by `writeCheckpoint`.
    mutating func restore(from archive: TensorArchive) throws {
        guard archive.metadata["suite"] == suite.name else {
            throw CheckpointError.mismatch("the checkpoint is for suite '\(archive.metadata["suite"] ?? "?")', the config says '\(suite.name)'")
        }
        let counters = try archive.decode(TrainerCounters.self, "trainer")
        // Checkpoints sit on episode boundaries, except a finished run's last one when its length is not
        // a multiple of the horizon (`run` then replays the episode in progress from the replay buffers).
        guard counters.step >= 0, counters.step <= config.steps, counters.step % config.horizon == 0 || counters.step == config.steps else {
            throw CheckpointError.mismatch("the checkpoint is at step \(counters.step), which is not an episode boundary (horizon \(config.horizon)) within the run's \(config.steps) steps")
        }
        if let saved = counters.window, !saved.fits(taskCount: suite.count) {
            throw CheckpointError.mismatch("the checkpoint's train.csv window does not have the suite's \(suite.count) tasks")
        }
        // One transition per task and step, and one update (stepping every optimiser) per update slot
        // after warm-up: a checkpoint at step s has exactly these counts.
        let agentCounters = try archive.decode(AgentCounters.self, "agent")
        let capacity = config.replayCapacityPerTask
        let updates = max(counters.step - config.warmupSteps, 0) * config.updatesPerStep
        guard counters.replayCounts.allSatisfy({ $0 == min(counters.step, capacity) }),
              counters.replayCursors.allSatisfy({ $0 == counters.step % capacity }),
              agentCounters.updateCount == updates, agentCounters.optimizerSteps.allSatisfy({ $0 == updates }) else {
            throw CheckpointError.mismatch("its replay and update counters do not match step \(counters.step) of this config (damaged, or made with other settings)")
        }
        do {
            try agent.restore(tensors: archive.tensors, counters: agentCounters)
        } catch let error as AgentError {
            throw CheckpointError.mismatch("\(error)")
        }
        let stored = counters.replayCounts.reduce(0, +)
        let contents = ReplayContents(
            observations: try archive.tensor("replay.observations", count: stored * replay.observationSize),
            actions: try archive.tensor("replay.actions", count: stored * replay.actionSize),
            rewards: try archive.tensor("replay.rewards", count: stored),
            nextObservations: try archive.tensor("replay.next_observations", count: stored * replay.observationSize),
            episodeEnds: try savedEpisodeEnds(in: archive, count: stored) ?? episodeEnds(atStep: counters.step))
        do {
            try replay.restore(contents, counts: counters.replayCounts, cursors: counters.replayCursors)
        } catch let error as AgentError {
            throw CheckpointError.mismatch("\(error)")
        }
        if let normalizer {
            let saved = try archive.decode(ReturnNormalizer.self, "normalizer")
            guard saved.taskCount == normalizer.taskCount, saved.discount == normalizer.discount, saved.targetDeviation == normalizer.targetDeviation else {
                throw CheckpointError.mismatch("the checkpoint's return normaliser (\(saved.taskCount) tasks, target std \(saved.targetDeviation)) does not match the config's")
            }
            self.normalizer = saved
        }
        step = counters.step
        generator = counters.generator
        bestMeanSuccess = counters.bestMeanSuccess
        bestStep = counters.bestStep
        lastEvaluation = counters.lastEvaluation
        window = counters.window ?? LogWindow(taskCount: suite.count)
        earlierWallSeconds = counters.wallSeconds
    }

    /// The replay's saved episode-end flags, or nil in a checkpoint written before they were saved.
    private func savedEpisodeEnds(in archive: TensorArchive, count: Int) throws -> [Bool]? {
        guard archive.tensors["replay.episode_ends"] != nil else { return nil }
        return try archive.tensor("replay.episode_ends", count: count).map { $0 != 0 }
    }

    /// The packed episode-end flags of the replay at `step`, rebuilt from the run's schedule: every task
    /// adds one transition per step, in sync, and episodes end only by truncation every `horizon` steps,
    /// so the transition of step t ended its episode when (t + 1) is a multiple of the horizon.
    private func episodeEnds(atStep step: Int) -> [Bool] {
        let capacity = config.replayCapacityPerTask
        var ring = [Bool](repeating: false, count: min(step, capacity))
        for stepIndex in max(step - capacity, 0)..<step { ring[stepIndex % capacity] = (stepIndex + 1) % config.horizon == 0 }
        return [[Bool]](repeating: ring, count: suite.count).flatMap { $0 }
    }

    /// Loads only the agent from a run's checkpoint (for `mtrl eval`).
    public static func loadAgent(from folder: RunFolder) throws -> (ExperimentConfig, MultiTaskSAC) {
        if folder.exists && !FileManager.default.fileExists(atPath: folder.checkpointFile.path) {
            throw CheckpointError.missing("\(folder.checkpointFile.path) does not exist yet: the run stopped before its first checkpoint; continue it with mtrl train --resume \(folder.url.path)")
        }
        let trainer = try Trainer(resuming: folder, truncatingLogs: false)
        return (trainer.config, trainer.agent)
    }
}
