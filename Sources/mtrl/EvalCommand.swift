import ArgumentParser
import Experiment
import Foundation
import LinearAlgebra

/// `mtrl eval RUN_DIR`: loads a run's checkpoint and prints the per-task success table.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a run's last checkpoint: deterministic episodes per task, success rate and return.")

    @Argument(help: "The run folder (holding config.yaml and checkpoint.bin).")
    var runDirectory: String

    @Option(help: "Episodes per task (default: the run's eval_episodes).")
    var episodes: Int?

    @Option(help: "Evaluate on another horizon than the run's (e.g. 500 for Meta-World v3 episodes).")
    var horizon: Int?

    @Flag(help: "Sample actions from the policy instead of taking tanh(mean) (shows how the exploring policy does).")
    var stochastic = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if let episodes, episodes < 1 { throw ValidationError("--episodes must be at least 1, got \(episodes)") }
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1, got \(horizon)") }
    }

    func run() throws {
        var (config, agent) = try Trainer.loadAgent(from: RunFolder(url: URL(fileURLWithPath: runDirectory)))
        BLAS.threadCount = 1
        if let horizon { config.horizon = horizon }
        let results = try Evaluator.evaluate(agent: &agent, config: config, episodes: episodes ?? config.evalEpisodes, deterministic: !stochastic)
        let mean = Evaluator.meanSuccess(results)
        if json {
            struct Output: Codable { let suite: String; let meanSuccess: Double; let tasks: [TaskEvaluation] }
            try printJSON(Output(suite: config.suite, meanSuccess: mean, tasks: results))
            return
        }
        let width = max(results.map(\.task.count).max() ?? 4, 4)
        print("\("task".padding(toLength: width, withPad: " ", startingAt: 0))  success  return")
        for result in results {
            print("\(result.task.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%7.2f", result.successRate))  \(String(format: "%6.1f", result.meanReturn))")
        }
        print("\("mean".padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%7.2f", mean))")
    }
}
