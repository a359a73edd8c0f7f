import Foundation
import GradientCombiners

/// A grid of training runs (suites x combiners x seeds) and what each still needs, so a sweep can be
/// restarted at any time: finished runs are skipped, interrupted ones resumed, missing ones started.
public struct SweepPlan: Sendable {
    /// What a run of the sweep still needs.
    public enum Status: String, Sendable {
        /// `summary.json` says the run reached its last step.
        case complete
        /// The folder has a checkpoint: continue with `mtrl train --resume` (a finished run of fewer
        /// steps continues to the sweep's length).
        case resume
        /// Nothing usable yet (no folder, or a folder stopped before its first checkpoint): start it.
        case start
        /// The folder holds a run that ended at fewer steps and no checkpoint to continue it from (say,
        /// a committed run whose checkpoint was not kept). Starting it over would throw its results
        /// away, so a sweep refuses it.
        case noCheckpoint = "ended at fewer steps, and no checkpoint to continue it from"
    }

    /// One run of the sweep.
    public struct Run: Sendable, Equatable {
        /// The suite (`mt10`, `mt50`, `mt1:<task>`).
        public var suite: String
        /// The combiner.
        public var combiner: CombinerKind
        /// The seed.
        public var seed: UInt64
        /// The run folder: `<output>/<suite folder name>-<combiner>-s<seed>` (`mt1:reach` as `mt1-reach`).
        public var folder: URL
        /// What it still needs.
        public var status: Status
    }

    /// Training processes a sweep runs at once unless told otherwise: one per active processor core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The update threads each of `jobs` runs at once gets from a base config asking for `threads`:
    /// an explicit count as given, and 0 (one per core) a share of the `cores`, at least 1, so two jobs
    /// on two cores run one thread each.
    public static func threadsPerJob(threads: Int, jobs: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        threads == 0 ? max(1, cores / max(jobs, 1)) : threads
    }

    /// The base config every run starts from (its suite, combiner and seed are replaced per run).
    public let base: ExperimentConfig
    /// The folder holding the run folders.
    public let output: URL
    /// The suites, in the order given.
    public let suites: [String]
    /// The runs: suite-major, then combiner, then seed, each in the order given. A run's index here is
    /// what `mtrl sweep --only` (and so each Slurm array task) selects.
    public let runs: [Run]

    /// The plan for `suites` x `combiners` x `seeds` over `base`, looking at what is already in `output`.
    /// `suites` empty means the base config's suite.
    public init(base: ExperimentConfig, suites: [String] = [], combiners: [CombinerKind], seeds: [UInt64], output: URL) throws {
        try base.validate()
        let suites = suites.isEmpty ? [base.suite] : suites
        guard !combiners.isEmpty, !seeds.isEmpty else {
            throw ConfigError(description: "a sweep needs at least one combiner and one seed")
        }
        guard Set(combiners).count == combiners.count, Set(seeds).count == seeds.count else {
            throw ConfigError(description: "a sweep's combiners and seeds must not repeat")
        }
        let folderNames = suites.map { Self.folderPrefix($0) }
        guard Set(folderNames).count == suites.count else {
            throw ConfigError(description: "a sweep's suites must not repeat (got \(suites.joined(separator: ", ")))")
        }
        self.base = base
        self.output = output
        self.suites = suites
        runs = suites.flatMap { suite in
            combiners.flatMap { combiner in
                seeds.map { seed in
                    let name = "\(Self.folderPrefix(suite))-\(combiner.rawValue)-s\(seed)"
                    let folder = output.appendingPathComponent(name)
                    return Run(suite: suite, combiner: combiner, seed: seed, folder: folder, status: Self.status(of: RunFolder(url: folder), steps: base.steps))
                }
            }
        }
    }

    /// How `suite` starts its run folders' names: `ExperimentConfig.suiteFolderName` (`mt1:reach` as `mt1-reach`).
    public static func folderPrefix(_ suite: String) -> String {
        var config = ExperimentConfig()
        config.suite = suite
        return config.suiteFolderName
    }

    /// The runs on `suite`, in plan order.
    public func runs(on suite: String) -> [Run] { runs.filter { $0.suite == suite } }

    /// The config of one run.
    public func config(for run: Run) -> ExperimentConfig {
        var config = base
        config.suite = run.suite
        config.combiner = run.combiner
        config.seed = run.seed
        return config
    }

    /// What the folder still needs to reach `steps`.
    public static func status(of folder: RunFolder, steps: Int) -> Status {
        let manager = FileManager.default
        let summary = (try? Data(contentsOf: folder.summaryFile)).flatMap { try? JSONDecoder().decode(RunSummary.self, from: $0) }
        if let summary, summary.steps >= steps { return .complete }
        if folder.exists && manager.fileExists(atPath: folder.checkpointFile.path) { return .resume }
        if folder.exists, let summary, summary.steps > 0 { return .noCheckpoint }
        return .start
    }

    /// A Slurm batch script running every run as one task of a job array. Each task calls
    /// `executable sweep ... --only <index>`, so the cluster applies the same skip/resume rules.
    ///
    /// Requeue-friendly: `--signal=B:TERM@<warningSeconds>` has Slurm send SIGTERM to the batch shell
    /// that long before the time limit; the shell passes it on to mtrl, which writes a checkpoint at the
    /// next episode boundary and exits with `interruptedStatus`, and the shell then requeues its own
    /// array task, which resumes the run when it starts again. A preempted task (`--requeue`) starts
    /// again the same way; its output file is appended to, not replaced.
    public func slurmScript(executable: String, sweepArguments: [String], cpusPerTask: Int = 2, hours: Int = 12,
                            warningSeconds: Int = 300, interruptedStatus: Int32 = 75) -> String {
        let quoted = ([executable] + sweepArguments).map(Self.shellQuote).joined(separator: " ")
        let combinerCount = Set(runs.map { $0.combiner }).count, seedCount = Set(runs.map { $0.seed }).count
        let grid = "\(suites.count) suite\(suites.count == 1 ? "" : "s") x \(combinerCount) combiners x \(seedCount) seeds"
        return """
            #!/bin/bash
            # Generated by `mtrl sweep --slurm`: \(runs.count) runs (\(grid)) on \(suites.joined(separator: ", ")).
            # Submit with: sbatch THIS_FILE. Re-submitting is safe: finished runs are skipped, stopped ones resumed.
            #SBATCH --job-name=mtrl-sweep
            #SBATCH --array=0-\(runs.count - 1)
            #SBATCH --cpus-per-task=\(cpusPerTask)
            #SBATCH --time=\(hours):00:00
            #SBATCH --output=\(Self.shellQuote(output.path))/slurm-%A_%a.out
            #SBATCH --open-mode=append
            #SBATCH --requeue
            #SBATCH --signal=B:TERM@\(warningSeconds)
            set -uo pipefail
            # Slurm's SIGTERM (the time-limit warning above, scancel, preemption) goes to this shell: pass it
            # on to mtrl, which checkpoints at the end of the episode and exits with status \(interruptedStatus).
            \(quoted) --only "$SLURM_ARRAY_TASK_ID" &
            mtrl=$!
            trap 'kill -TERM "$mtrl" 2>/dev/null' TERM
            wait "$mtrl"
            status=$?
            while kill -0 "$mtrl" 2>/dev/null; do
                wait "$mtrl"
                status=$?
            done
            if [ "$status" -eq \(interruptedStatus) ]; then
                echo "mtrl stopped with a checkpoint; requeueing array task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} to resume it"
                scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
            fi
            exit "$status"

            """
    }

    /// `text` as one shell word (and one `#SBATCH` argument, which sbatch unquotes the same way):
    /// unchanged when it has only safe characters, otherwise in single quotes.
    static func shellQuote(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
