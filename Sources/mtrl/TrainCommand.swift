import ArgumentParser
import Experiment
import Foundation
import GradientCombiners
import LinearAlgebra

/// `mtrl train`: trains multi-head SAC with a gradient combiner on a suite, evaluating, logging and
/// checkpointing into a run folder; `--resume` continues a run from its last checkpoint.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train multi-head SAC with a gradient combiner (mean, pcgrad, cagrad, ...) on MT1/MT10/MT50.",
        discussion: """
            Settings come from the built-in defaults (Configs/default.yaml), then --config, then --set, then \
            the named flags. The run folder gets config.yaml, eval.csv, train.csv, summary.json and checkpoint.bin.
            """)

    @Option(help: "Suite: mt10, mt50, or mt1:<task>.")
    var suite: String?

    @Option(help: "Gradient combiner: \(CombinerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var combiner: String?

    @Option(help: "A YAML config file (see Configs/); keys it omits keep their defaults.")
    var config: String?

    @Option(help: "Override any config key, as key=value (YAML value), e.g. --set hidden_sizes=[400,400,400]. Repeatable.")
    var set: [String] = []

    @Option(help: "Training length in environment steps per task (with --resume: a new length for the run, e.g. to continue a finished run further).")
    var steps: Int?

    @Option(help: "Seed of everything random in the run.")
    var seed: UInt64?

    @Option(help: "Evaluate every this many steps.")
    var evalEvery: Int?

    @Option(help: "Evaluation episodes per task.")
    var evalEpisodes: Int?

    @Option(help: "CAGrad's c (>= 0).")
    var cagradC: Double?

    @Option(help: "Threads of the SAC update (0: one per active core; results are identical at any count).")
    var threads: Int?

    @Option(help: "OpenBLAS threads for this process (keep 1; see threads).")
    var blasThreads: Int?

    @Option(help: "The run folder (default: runs/<suite>-<combiner>-s<seed>-<time>).")
    var runDir: String?

    @Option(help: "Continue the run in this folder from its last checkpoint (settings come from its config.yaml; only --steps may change its length).")
    var resume: String?

    func validate() throws {
        if resume != nil {
            let given = [suite, combiner, config, runDir].compactMap { $0 }.count + set.count
                + [evalEvery, evalEpisodes, threads, blasThreads].compactMap { $0 }.count + (seed == nil ? 0 : 1) + (cagradC == nil ? 0 : 1)
            if given > 0 { throw ValidationError("--resume takes its settings from the run's config.yaml; give no other options with it but --steps (a new training length)") }
        }
    }

    func run() throws {
        var trainer: Trainer
        if let resume {
            trainer = try Trainer(resuming: RunFolder(url: URL(fileURLWithPath: resume)), steps: steps)
            let from = trainer.completedSteps == 0 ? "from step 0 (it stopped before its first checkpoint)" : "at step \(trainer.completedSteps)"
            print("Resuming \(resume) \(from) of \(trainer.config.steps)")
        } else {
            let resolved = try resolvedConfig()
            let folder = RunFolder(url: URL(fileURLWithPath: runDir ?? defaultRunDirectory(resolved)))
            trainer = try Trainer(config: resolved, folder: folder)
            print("Run folder: \(folder.url.path)")
        }
        BLAS.threadCount = trainer.config.blasThreads
        print("OpenBLAS kernels: \(BLAS.coreName)")
        let path = trainer.folder.url.path
        let stop = StopSignal(
            notice: "Stopping at the end of this episode to write a checkpoint (press Ctrl-C again to stop at once).",
            abandon: "Stopped at once; the last checkpoint is intact. Continue with: mtrl train --resume \(path)")
        let progress = ProgressPrinter()
        let summary = try trainer.run(stopRequested: { stop.requested }, report: { progress.handle($0) })
        progress.finish()
        if summary.steps < trainer.config.steps {
            print("Interrupted by \(stop.name ?? "a signal") at step \(summary.steps) of \(trainer.config.steps); checkpoint and logs written.")
            print("Continue with: mtrl train --resume \(path)")
            throw ExitCode(ExitStatus.interrupted)
        }
        let earlierPart = summary.totalWallSeconds.map { $0 - summary.wallSeconds } ?? 0
        let wall = String(format: "%.0f s", summary.wallSeconds) + (earlierPart >= 1 ? String(format: " (%.0f s over the whole run)", summary.totalWallSeconds ?? 0) : "")
        print("Done: \(summary.steps) steps per task in \(wall). Final mean success \(String(format: "%.2f", summary.finalMeanSuccess)), best \(String(format: "%.2f", summary.bestMeanSuccess)) at step \(summary.bestStep).")
        print("Results: \(path)")
    }

    /// Defaults, then the config file, then --set, then the named flags.
    func resolvedConfig() throws -> ExperimentConfig {
        var resolved = try ExperimentConfig.resolve(file: config, assignments: set)
        if let suite { resolved.suite = suite }
        if let combiner {
            do { resolved.combiner = try CombinerKind(parsing: combiner) } catch { throw CommandFailure("--combiner: \(error)") }
        }
        if let steps { resolved.steps = steps }
        if let seed { resolved.seed = seed }
        if let evalEvery { resolved.evalEvery = evalEvery }
        if let evalEpisodes { resolved.evalEpisodes = evalEpisodes }
        if let cagradC { resolved.cagradC = cagradC }
        if let threads { resolved.threads = threads }
        if let blasThreads { resolved.blasThreads = blasThreads }
        try resolved.validate()
        _ = try Evaluator.makeSuite(resolved)
        return resolved
    }

    func defaultRunDirectory(_ config: ExperimentConfig) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "runs/\(config.suiteFolderName)-\(config.combiner.rawValue)-s\(config.seed)-\(formatter.string(from: Date()))"
    }
}
