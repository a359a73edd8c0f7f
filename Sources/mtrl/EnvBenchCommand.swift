import ArgumentParser
import Environments
import Foundation

/// `mtrl bench env`: environment steps per second over a suite, round-robin, random actions, one core.
///
/// The suite steps all its tasks per call (as training does) into preallocated buffers, so the figure
/// includes observation writing, rewards, success checks and automatic resets at the horizon. Random
/// actions are drawn before timing into a table that is cycled through, so the generator is not timed.
struct EnvBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Environment steps per second over a suite (round-robin, random actions, one core).")

    @Option(help: "Suite to time: \(TaskListChoice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var suite: TaskListChoice = .mt10

    @Option(help: "Suite steps per timed repeat (each steps every task once).")
    var rounds: Int = 100_000

    @Option(help: "Timed repeats (the median is reported).")
    var repeats: Int = 7

    @Option(help: "Steps per episode before the automatic reset.")
    var horizon: Int = Tabletop.defaultHorizon

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1, got \(rounds)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1, got \(horizon)") }
    }

    /// What the command reports.
    struct Report: Codable {
        let suite: String
        let tasks: Int
        let rounds: Int
        let seconds: TimingSummary
        /// Environment steps per second at the median time (tasks x rounds / median).
        let stepsPerSecond: Double
    }

    func run() throws {
        let tasks = try suite.tasks()
        let environments = Suite(name: suite.rawValue, tasks: tasks, seed: 0, horizon: horizon)
        var batch = environments.makeBatch()
        environments.reset(into: &batch)
        let tableRounds = 4096
        var generator = SplitMix64(seed: 1)
        let table = (0..<(tableRounds * tasks.count * 4)).map { _ in Float(generator.uniform(-1, 1)) }
        let rounds = self.rounds
        let timing = table.withUnsafeBufferPointer { actions in
            TimingSummary.measure(repeats: repeats) {
                var row = 0
                for _ in 0..<rounds {
                    let slice = UnsafeBufferPointer(rebasing: actions[(row * tasks.count * 4)..<((row + 1) * tasks.count * 4)])
                    environments.step(actions: slice, into: &batch)
                    row = row + 1 == tableRounds ? 0 : row + 1
                }
            }
        }
        let stepsPerSecond = Double(rounds * tasks.count) / timing.median
        if json {
            try printJSON(Report(suite: suite.rawValue, tasks: tasks.count, rounds: rounds, seconds: timing, stepsPerSecond: stepsPerSecond))
        } else {
            print("\(suite.rawValue): \(tasks.count) tasks x \(rounds) rounds per repeat, \(timing.text) per repeat")
            print("steps/s: \(String(format: "%.0f", stepsPerSecond))")
        }
    }
}
