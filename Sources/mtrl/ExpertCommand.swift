import ArgumentParser
import Environments
import Foundation

/// The policy a command runs on the environments.
enum ScriptedPolicy: String, ExpressibleByArgument, CaseIterable {
    /// Each task's scripted expert (reads only the observation).
    case expert
    /// Uniformly random actions in [-1, 1]^4.
    case random
}

/// `mtrl expert`: runs the scripted experts (or a random policy) and prints the success rate per task.
///
/// Episode e of task k starts on layout e mod 50, so 50 episodes visit every layout once (Meta-World's
/// own evaluation). An episode succeeds if any of its steps succeeded.
struct ExpertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expert",
        abstract: "Run the scripted experts (or a random policy) and print the success rate per task.")

    @Option(help: "Suite to run: \(TaskListChoice.allCases.map(\.rawValue).joined(separator: ", ")). Ignored when --task is given.")
    var suite: TaskListChoice = .mt10

    @Option(help: "Run only this task (Meta-World name; a -v3 suffix is accepted).")
    var task: String?

    @Option(help: "Episodes per task; episode e uses layout e mod 50.")
    var episodes: Int = 50

    @Option(help: "Seed for layouts and random actions.")
    var seed: UInt64 = 0

    @Option(help: "Policy: \(ScriptedPolicy.allCases.map(\.rawValue).joined(separator: ", ")).")
    var policy: ScriptedPolicy = .expert

    @Option(help: "Steps per episode (150 as in the PCGrad/CAGrad setup; Meta-World v3 uses 500).")
    var horizon: Int = Tabletop.defaultHorizon

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard episodes >= 1 else { throw ValidationError("--episodes must be at least 1, got \(episodes)") }
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1, got \(horizon)") }
        if let task {
            do { _ = try TaskCatalog.task(named: task) } catch let error as EnvironmentError { throw ValidationError(error.description) }
        }
    }

    /// One task's result.
    struct TaskResult: Codable {
        /// Task name.
        let task: String
        /// Episodes with at least one successful step.
        let successes: Int
        /// Episodes run.
        let episodes: Int
        /// successes / episodes.
        let successRate: Double
    }

    /// What the command reports.
    struct Report: Codable {
        let policy: String
        let seed: UInt64
        let horizon: Int
        let tasks: [TaskResult]
        /// Mean of the per-task success rates.
        let meanSuccessRate: Double
    }

    func run() throws {
        let tasks: [any ManipulationTask] = try task.map { [try TaskCatalog.task(named: $0)] } ?? suite.tasks()
        let results = Self.successRates(tasks: tasks, episodes: episodes, seed: seed, horizon: horizon, policy: policy)
        let mean = results.map(\.successRate).reduce(0, +) / Double(results.count)
        if json {
            try printJSON(Report(policy: policy.rawValue, seed: seed, horizon: horizon, tasks: results, meanSuccessRate: mean))
            return
        }
        let width = results.map(\.task.count).max() ?? 0
        print("\(policy.rawValue) policy, \(episodes) episode(s) per task, horizon \(horizon), seed \(seed)")
        for result in results {
            print("\(result.task.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%5.1f%%", 100 * result.successRate))  (\(result.successes)/\(result.episodes))")
        }
        print("mean success rate: \(String(format: "%.1f%%", 100 * mean))")
    }

    /// Runs `episodes` episodes of every task in lockstep on one suite.
    static func successRates(tasks: [any ManipulationTask], episodes: Int, seed: UInt64, horizon: Int, policy: ScriptedPolicy) -> [TaskResult] {
        let suite = Suite(name: "expert", tasks: tasks, seed: seed, horizon: horizon, appendTaskID: false)
        var batch = suite.makeBatch()
        var actions = [Float](repeating: 0, count: suite.count * 4)
        var generator = SplitMix64(seed: seed ^ 0x5EED)
        var successes = [Int](repeating: 0, count: suite.count)
        for episode in 0..<episodes {
            batch.observations.withUnsafeMutableBufferPointer { rows in
                for k in 0..<suite.count {
                    suite.reset(task: k, layout: episode % suite.layoutCount, observation: rows.baseAddress! + k * suite.observationSize)
                }
            }
            var succeeded = [Bool](repeating: false, count: suite.count)
            for _ in 0..<horizon {
                switch policy {
                case .expert:
                    batch.observations.withUnsafeBufferPointer { rows in
                        actions.withUnsafeMutableBufferPointer { suite.expertActions(observations: rows.baseAddress!, actions: $0.baseAddress!) }
                    }
                case .random:
                    for i in actions.indices { actions[i] = Float(generator.uniform(-1, 1)) }
                }
                suite.step(actions: actions, into: &batch)
                for k in 0..<suite.count where batch.successes[k] { succeeded[k] = true }
            }
            for k in 0..<suite.count where succeeded[k] { successes[k] += 1 }
        }
        return (0..<suite.count).map { k in
            TaskResult(task: suite.taskNames[k], successes: successes[k], episodes: episodes, successRate: Double(successes[k]) / Double(episodes))
        }
    }
}
