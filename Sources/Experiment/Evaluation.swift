import Agents
import Environments
import LinearAlgebra

/// One task's evaluation result.
public struct TaskEvaluation: Codable, Equatable, Sendable {
    /// The task's name.
    public var task: String
    /// Episodes run.
    public var episodes: Int
    /// Fraction of episodes in which some step succeeded (Meta-World's definition).
    public var successRate: Double
    /// Mean undiscounted episode return.
    public var meanReturn: Double
}

/// Deterministic evaluation: N episodes per task with the policy's mean action tanh(mu).
public enum Evaluator {
    /// Runs `episodes` episodes per task on a fresh copy of the suite described by `config` (same seed,
    /// so the same layouts as training); episode i of every task starts on layout i mod 50 (layout 0
    /// in `fixed` mode). All tasks step together, one batched forward pass per step.
    /// With `deterministic` false the policy samples its actions instead (a diagnostic: how the
    /// training-time policy does), from a generator seeded with `config.seed`.
    public static func evaluate(agent: inout MultiTaskSAC, config: ExperimentConfig, episodes: Int, deterministic: Bool = true) throws -> [TaskEvaluation] {
        let suite = try makeSuite(config)
        let taskCount = suite.count
        var observations = Matrix(rows: taskCount, columns: suite.observationSize)
        var nextObservations = observations
        var rewards = [Float](repeating: 0, count: taskCount)
        var successes = [Bool](repeating: false, count: taskCount)
        var truncated = successes
        var successCount = [Int](repeating: 0, count: taskCount)
        var returns = [Double](repeating: 0, count: taskCount)
        var noise = SeededGenerator(seed: config.seed)
        for episode in 0..<episodes {
            let layout = config.layouts == .fixed ? 0 : episode % suite.layoutCount
            observations.storage.withUnsafeMutableBufferPointer { rows in
                for task in 0..<taskCount {
                    suite.reset(task: task, layout: layout, observation: rows.baseAddress! + task * suite.observationSize)
                }
            }
            var succeeded = [Bool](repeating: false, count: taskCount)
            for _ in 0..<suite.horizon {
                let actions = agent.act(observations, deterministic: deterministic, generator: &noise)
                step(suite, actions, &observations, &nextObservations, &rewards, &successes, &truncated)
                for task in 0..<taskCount {
                    returns[task] += Double(rewards[task])
                    if successes[task] { succeeded[task] = true }
                }
            }
            for task in 0..<taskCount where succeeded[task] { successCount[task] += 1 }
        }
        return (0..<taskCount).map { task in
            TaskEvaluation(task: suite.taskNames[task], episodes: episodes,
                           successRate: Double(successCount[task]) / Double(episodes), meanReturn: returns[task] / Double(episodes))
        }
    }

    /// The mean of the tasks' success rates (0 for no tasks).
    public static func meanSuccess(_ results: [TaskEvaluation]) -> Double {
        results.map(\.successRate).reduce(0, +) / Double(max(results.count, 1))
    }

    /// The suite a config describes (observations carry the one-hot task id).
    public static func makeSuite(_ config: ExperimentConfig) throws -> Suite {
        do {
            return try Suite(named: config.suite, seed: config.seed, horizon: config.horizon, layoutMode: config.layouts, appendTaskID: true)
        } catch {
            throw ConfigError(description: "suite '\(config.suite)': \(error)")
        }
    }

    /// Steps every task of `suite` once with `actions` (K x 4) through the suite's pointer interface.
    static func step(
        _ suite: Suite, _ actions: Matrix, _ observations: inout Matrix, _ nextObservations: inout Matrix,
        _ rewards: inout [Float], _ successes: inout [Bool], _ truncated: inout [Bool]
    ) {
        actions.storage.withUnsafeBufferPointer { a in
            observations.storage.withUnsafeMutableBufferPointer { o in
                nextObservations.storage.withUnsafeMutableBufferPointer { n in
                    rewards.withUnsafeMutableBufferPointer { r in
                        successes.withUnsafeMutableBufferPointer { s in
                            truncated.withUnsafeMutableBufferPointer { t in
                                suite.step(actions: a.baseAddress!, observations: o.baseAddress!, nextObservations: n.baseAddress!,
                                           rewards: r.baseAddress!, successes: s.baseAddress!, truncated: t.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
    }
}
