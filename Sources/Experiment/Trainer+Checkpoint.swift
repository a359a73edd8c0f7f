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
    }

    /// Writes `checkpoint.bin` atomically: the agent, the replay buffers, the generator and counters.
    func writeCheckpoint() throws {
        var archive = TensorArchive()
        archive.tensors = agent.snapshotTensors()
        archive.tensors["replay.observations"] = replay.observations.storage
        archive.tensors["replay.actions"] = replay.actions.storage
        archive.tensors["replay.rewards"] = replay.rewards.storage
        archive.tensors["replay.next_observations"] = replay.nextObservations.storage
        try archive.encode(agent.counters, "agent")
        try archive.encode(TrainerCounters(step: step, generator: generator, bestMeanSuccess: bestMeanSuccess, bestStep: bestStep,
                                           lastEvaluation: lastEvaluation, replayCounts: replay.counts, replayCursors: replay.cursors), "trainer")
        archive.metadata["suite"] = suite.name
        try AtomicFile.write(try archive.encoded(), to: folder.checkpointFile)
    }

    /// Loads the state written by `writeCheckpoint`.
    mutating func restore(from archive: TensorArchive) throws {
        guard archive.metadata["suite"] == suite.name else {
            throw CheckpointError.mismatch("the checkpoint is for suite '\(archive.metadata["suite"] ?? "?")', the config says '\(suite.name)'")
        }
        let counters = try archive.decode(TrainerCounters.self, "trainer")
        do {
            try agent.restore(tensors: archive.tensors, counters: try archive.decode(AgentCounters.self, "agent"))
        } catch let error as AgentError {
            throw CheckpointError.mismatch("\(error)")
        }
        let rows = replay.observations.rows
        try replay.restore(
            observations: Matrix(rows: rows, columns: replay.observationSize, storage: try archive.tensor("replay.observations", count: rows * replay.observationSize)),
            actions: Matrix(rows: rows, columns: replay.actionSize, storage: try archive.tensor("replay.actions", count: rows * replay.actionSize)),
            rewards: Matrix(rows: rows, columns: 1, storage: try archive.tensor("replay.rewards", count: rows)),
            nextObservations: Matrix(rows: rows, columns: replay.observationSize, storage: try archive.tensor("replay.next_observations", count: rows * replay.observationSize)),
            counts: counters.replayCounts, cursors: counters.replayCursors)
        step = counters.step
        generator = counters.generator
        bestMeanSuccess = counters.bestMeanSuccess
        bestStep = counters.bestStep
        lastEvaluation = counters.lastEvaluation
    }

    /// Loads only the agent from a run's checkpoint (for `mtrl eval`).
    public static func loadAgent(from folder: RunFolder) throws -> (ExperimentConfig, MultiTaskSAC) {
        let trainer = try Trainer(resuming: folder, truncatingLogs: false)
        return (trainer.config, trainer.agent)
    }
}
