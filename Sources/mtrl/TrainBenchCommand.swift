import ArgumentParser
import Experiment
import Foundation
import LinearAlgebra

/// `mtrl bench train`: a short end-to-end training run (the real loop: acting, environment steps,
/// replay, updates, logging, one evaluation and one checkpoint) in a temporary folder, repeated; reports
/// environment steps/s, updates/s and the share of wall time in each phase, medians over repeats.
struct TrainBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Time a short end-to-end training run: steps/s, updates/s, and the shares of env, replay, update, logging.",
        discussion: """
            Settings are the built-in defaults (the default `mtrl train` run), then --config, then --set, \
            then the flags here. Each repeat trains a fresh agent for --steps steps (after --warmup random \
            steps) in a temporary folder that is deleted afterwards.
            """)

    @Option(help: "Suite: mt10, mt50, or mt1:<task> (default: the config's).")
    var suite: String?

    @Option(help: "Gradient combiner (default: the config's).")
    var combiner: String?

    @Option(help: "A YAML config file to start from.")
    var config: String?

    @Option(help: "Override a config key, as key=value. Repeatable.")
    var set: [String] = []

    @Option(help: "Steps per task of each timed run, including the warm-up.")
    var steps: Int = 1_000

    @Option(help: "Random warm-up steps before updates start.")
    var warmup: Int = 150

    @Option(help: "Threads of the SAC update (default: the config's threads; 0: one per active core).")
    var threads: Int?

    @Option(help: "Timed runs (medians are reported).")
    var repeats: Int = 3

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard warmup >= 1, steps > warmup else { throw ValidationError("--steps must be larger than --warmup (>= 1), got \(steps) and \(warmup)") }
        if let threads, threads < 0 { throw ValidationError("--threads must be at least 0 (0: one per active core), got \(threads)") }
    }

    /// One timed run's figures.
    struct Sample: Codable {
        let wallSeconds: Double
        let environmentStepsPerSecond: Double
        let updatesPerSecond: Double
        let shares: [String: Double]
    }

    /// What the command reports.
    struct Report: Codable {
        let suite: String
        let combiner: String
        let hiddenSizes: [Int]
        let batchSizePerTask: Int
        let threads: Int
        let steps: Int
        let warmup: Int
        let samples: [Sample]
        let median: Sample
    }

    func run() throws {
        let settings = try benchConfig()
        BLAS.threadCount = settings.blasThreads
        let taskCount = try Evaluator.makeSuite(settings).taskNames.count
        var samples = [Sample]()
        for _ in 0..<repeats {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            var trainer = try Trainer(config: settings, folder: RunFolder(url: directory))
            let summary = try trainer.run()
            let updates = Double((settings.steps - settings.warmupSteps) * settings.updatesPerStep)
            samples.append(Sample(wallSeconds: summary.wallSeconds,
                                  environmentStepsPerSecond: Double(settings.steps * taskCount) / summary.wallSeconds,
                                  updatesPerSecond: updates / summary.wallSeconds, shares: summary.timeShares))
        }
        let report = Report(suite: settings.suite, combiner: settings.combiner.rawValue, hiddenSizes: settings.hiddenSizes,
                            batchSizePerTask: settings.batchSizePerTask, threads: settings.resolvedThreads, steps: steps, warmup: warmup,
                            samples: samples, median: Self.median(samples))
        if json { try printJSON(report); return }
        print("training loop, \(report.suite) \(report.combiner), trunk \(report.hiddenSizes), \(report.batchSizePerTask) per task, \(report.threads) thread(s)")
        print("\(steps) steps per task (\(warmup) warm-up), median of \(repeats) runs (min-max in brackets)")
        func range(_ values: [Double], _ format: String) -> String {
            "\(String(format: format, Self.middle(values))) (\(String(format: format, values.min()!))-\(String(format: format, values.max()!)))"
        }
        print("  wall time          \(range(samples.map(\.wallSeconds), "%.2f")) s")
        print("  environment steps  \(range(samples.map(\.environmentStepsPerSecond), "%.0f"))/s (all tasks)")
        print("  updates            \(range(samples.map(\.updatesPerSecond), "%.1f"))/s")
        for phase in ["update", "environment", "replay", "logging", "evaluation"] {
            print("  \(phase.padding(toLength: 18, withPad: " ", startingAt: 0)) \(range(samples.map { 100 * ($0.shares[phase] ?? 0) }, "%.2f")) % of wall time")
        }
    }

    /// The defaults, then --config, --set and the flags; one evaluation episode per task, a log row every episode, and one
    /// checkpoint, at the end.
    func benchConfig() throws -> ExperimentConfig {
        var settings = try ExperimentConfig.resolve(file: config, assignments: set)
        if let suite { settings.suite = suite }
        if let combiner { try settings.apply(assignment: "combiner=\(combiner)") }
        if let threads { settings.threads = threads }
        settings.steps = steps
        settings.warmupSteps = warmup
        settings.evalEvery = steps
        settings.evalEpisodes = 1
        settings.logEvery = settings.horizon
        settings.checkpointEvery = settings.horizon * (steps / settings.horizon + 1)
        let problems = settings.problems()
        guard problems.isEmpty else { throw CommandFailure(problems.joined(separator: "; ")) }
        return settings
    }

    static func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func median(_ samples: [Sample]) -> Sample {
        let phases = Set(samples.flatMap(\.shares.keys))
        return Sample(wallSeconds: middle(samples.map(\.wallSeconds)),
                      environmentStepsPerSecond: middle(samples.map(\.environmentStepsPerSecond)),
                      updatesPerSecond: middle(samples.map(\.updatesPerSecond)),
                      shares: Dictionary(uniqueKeysWithValues: phases.map { phase in (phase, middle(samples.map { $0.shares[phase] ?? 0 })) }))
    }
}
