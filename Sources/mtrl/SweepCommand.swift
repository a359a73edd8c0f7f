import ArgumentParser
import Experiment
import Foundation
import GradientCombiners
import Reporting

/// `mtrl sweep`: trains every suite x combiner x seed, skipping finished runs and resuming interrupted
/// ones, then plots the comparison (one figure per suite); or writes a Slurm job array doing the same on
/// a cluster.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train suites x combiners x seeds (restartable), then plot them; or write a Slurm job array.",
        discussion: """
            Example (the MT10 comparison of the PCGrad and CAGrad papers):
              mtrl sweep --suite mt10 --combiners mean,pcgrad,cagrad --seeds 1,2,3 --out runs/mt10-study
            Both suites of the papers:
              mtrl sweep --suites mt10,mt50 --combiners mean,pcgrad,cagrad --seeds 1-3 --out runs/study
            Run folders are <out>/<suite>-<combiner>-s<seed> (mt1:reach as mt1-reach).
            Figure and table: <out>/success.svg and .md for one suite,
            <out>/<suite>-success.svg and .md for each of several.
            """)

    @Option(name: [.customLong("suite"), .customLong("suites")], help: "Suite(s), comma-separated: mt10, mt50, mt1:<task> (default: the config's).")
    var suite: String?

    @Option(help: "Comma-separated combiners: \(CombinerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var combiners: String = "mean,pcgrad,cagrad"

    @Option(help: "Comma-separated seeds, or a range like 1-5.")
    var seeds: String = "1,2,3"

    @Option(help: "A YAML config every run starts from (combiner and seed are set per run).")
    var config: String?

    @Option(help: "Override a config key for every run, as key=value. Repeatable.")
    var set: [String] = []

    @Option(help: "Training length in steps per task, for every run.")
    var steps: Int?

    @Option(help: "The folder holding the run folders.")
    var out: String = "runs/sweep"

    @Option(help: "Training processes at once, by default one per active processor core (with threads: 0, each gets its share of the cores).")
    var jobs: Int = SweepPlan.defaultJobs

    @Flag(help: "Only print the plan (what each run still needs).")
    var dryRun = false

    @Option(help: "Write a Slurm batch script (job array, one run per task) to this file instead of running.")
    var slurm: String?

    @Option(help: "Work on the run with this index of the plan only (what each Slurm task does).")
    var only: Int?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try parsedSeeds()
        if suite != nil && parsedSuites().isEmpty { throw ValidationError("--suite takes suite names like mt10 or mt10,mt50, got '\(suite!)'") }
    }

    /// The suites given with --suite/--suites (empty: the config's suite).
    func parsedSuites() -> [String] {
        (suite ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func parsedSeeds() throws -> [UInt64] {
        let trimmed = seeds.trimmingCharacters(in: .whitespaces)
        if let dash = trimmed.firstIndex(of: "-"), let low = UInt64(trimmed[..<dash]), let high = UInt64(trimmed[trimmed.index(after: dash)...]), low <= high {
            return Array(low...high)
        }
        let list = trimmed.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--seeds takes non-negative integers like 1,2,3 or a range like 1-5, got '\(seeds)'")
        }
        return list.map { $0! }
    }

    func run() throws {
        do {
            var base = try ExperimentConfig.resolve(file: config, assignments: set)
            if let steps { base.steps = steps }
            if slurm == nil { base.threads = SweepPlan.threadsPerJob(threads: base.threads, jobs: only == nil ? jobs : 1) }
            let kinds = try CombinerKind.parseList(combiners)
            let output = URL(fileURLWithPath: out)
            let plan = try SweepPlan(base: base, suites: parsedSuites(), combiners: kinds, seeds: try parsedSeeds(), output: output)
            for suite in plan.suites {
                var config = base
                config.suite = suite
                _ = try Evaluator.makeSuite(config)
            }
            if let only, !plan.runs.indices.contains(only) {
                throw CommandFailure("--only \(only) is outside the plan's 0..<\(plan.runs.count) runs")
            }
            let stranded = plan.runs.enumerated().filter { (only == nil || only == $0.offset) && $0.element.status == .noCheckpoint }.map(\.element.folder.path)
            if !stranded.isEmpty {
                throw CommandFailure("\(stranded.joined(separator: ", ")): ended at fewer than \(base.steps) steps, with no checkpoint.bin to continue from; give another --out, or the --steps it was trained for")
            }
            if let slurm {
                try writeSlurm(plan, to: slurm)
                return
            }
            for (index, run) in plan.runs.enumerated() where only == nil || only == index {
                print("[\(index)] \(run.folder.lastPathComponent): \(run.status.rawValue)")
            }
            if dryRun { return }
            let baseFile = output.appendingPathComponent("sweep.yaml")
            try AtomicFile.write(base.yaml(), to: baseFile)
            let outcome = try execute(plan, baseFile: baseFile)
            if outcome.interrupted {
                print("Sweep interrupted; stopped runs wrote checkpoints. Run the same command again to continue (finished runs are skipped, stopped ones resumed).")
                throw ExitCode(ExitStatus.interrupted)
            }
            if only == nil { try plot(plan) }
            if !outcome.failures.isEmpty {
                throw CommandFailure("\(outcome.failures.count) run(s) failed: \(outcome.failures.joined(separator: ", ")); see \(output.appendingPathComponent("logs").path)")
            }
        } catch let error as CombinerError {
            throw CommandFailure("--combiners: \(error)")
        }
    }

    /// Runs what the plan still needs as child `mtrl train` processes, at most `jobs` at once. Returns
    /// the names of the runs that failed, and whether SIGINT or SIGTERM stopped the sweep: each signal
    /// is passed on to the running children (which checkpoint and exit with status 75), and no further
    /// run starts.
    func execute(_ plan: SweepPlan, baseFile: URL) throws -> (failures: [String], interrupted: Bool) {
        let children = ChildProcesses()
        let stop = StopSignal(notice: "Stopping: the running trainings finish their episode and write a checkpoint (press Ctrl-C again to stop them at once).",
                              abandon: nil, relay: { children.signal($0) })
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let logs = plan.output.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        var pending = plan.runs.enumerated().filter { only == nil || only == $0.offset }.map(\.element).filter { $0.status != .complete }
        var running = [(SweepPlan.Run, Process)]()
        var failures = [String]()
        while !pending.isEmpty || !running.isEmpty {
            if stop.requested { pending.removeAll() }
            while running.count < jobs, !pending.isEmpty {
                let run = pending.removeFirst()
                var arguments = ["train", "--resume", run.folder.path, "--steps", String(plan.base.steps)]
                if run.status == .start {
                    try? FileManager.default.removeItem(at: run.folder)
                    arguments = ["train", "--config", baseFile.path, "--suite", run.suite, "--combiner", run.combiner.rawValue, "--seed", String(run.seed), "--run-dir", run.folder.path]
                }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let logFile = logs.appendingPathComponent("\(run.folder.lastPathComponent).log")
                if !FileManager.default.fileExists(atPath: logFile.path) { _ = FileManager.default.createFile(atPath: logFile.path, contents: nil) }
                let handle = try FileHandle(forWritingTo: logFile)
                try handle.seekToEnd()
                process.standardOutput = handle
                process.standardError = handle
                try children.start(process)
                print("started \(run.folder.lastPathComponent) (\(run.status == .start ? "new" : "resumed")), log: \(logFile.path)")
                running.append((run, process))
            }
            Thread.sleep(forTimeInterval: 0.2)
            let ended = running.filter { !$0.1.isRunning }
            running.removeAll { entry in ended.contains { $0.1 === entry.1 } }
            for (run, process) in ended {
                children.forget(process)
                if process.terminationStatus == 0 {
                    print("finished \(run.folder.lastPathComponent)")
                } else if stop.requested && process.terminationStatus == ExitStatus.interrupted {
                    print("stopped \(run.folder.lastPathComponent) (checkpoint written)")
                } else {
                    print("FAILED \(run.folder.lastPathComponent) (exit \(process.terminationStatus))")
                    failures.append(run.folder.lastPathComponent)
                }
            }
        }
        return (failures, stop.requested)
    }

    /// Draws one figure and table per suite of the plan: `success.svg`/`.md`, or `<suite>-success.svg`/`.md`
    /// when the plan has several suites. A suite with nothing to plot yet gets a warning, not an error.
    func plot(_ plan: SweepPlan) throws {
        for suite in plan.suites {
            let prefix = plan.suites.count == 1 ? "" : SweepPlan.folderPrefix(suite) + "-"
            do {
                let curves = try RunCurves(folders: plan.runs(on: suite).map(\.folder))
                for warning in curves.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
                let figure = plan.output.appendingPathComponent("\(prefix)success.svg")
                let table = plan.output.appendingPathComponent("\(prefix)success.md")
                try AtomicFile.write(curves.panelChart().render(), to: figure)
                try AtomicFile.write(curves.report(), to: table)
                print(curves.report())
                print("wrote \(figure.path) and \(table.path)")
            } catch let error as ConfigError {
                FileHandle.standardError.write(Data("warning: no figure for \(suite): \(error.description)\n".utf8))
            }
        }
    }

    /// Writes the Slurm job-array script: one array task per run of the plan, each calling this sweep
    /// again with `--only <index>` (the same suites, combiners and seeds give the same plan order).
    func writeSlurm(_ plan: SweepPlan, to path: String) throws {
        var arguments = ["sweep", "--suites", plan.suites.joined(separator: ","), "--combiners", combiners, "--seeds", seeds, "--out", plan.output.path]
        if let config { arguments += ["--config", URL(fileURLWithPath: config).path] }
        for assignment in set { arguments += ["--set", assignment] }
        if let steps { arguments += ["--steps", String(steps)] }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(at: plan.output, withIntermediateDirectories: true)
        try AtomicFile.write(plan.slurmScript(executable: executable, sweepArguments: arguments, cpusPerTask: max(plan.base.threads == 0 ? 2 : plan.base.threads, plan.base.blasThreads), interruptedStatus: ExitStatus.interrupted), to: URL(fileURLWithPath: path))
        print("wrote \(path): a job array of \(plan.runs.count) runs; submit with sbatch \(path), then plot each suite, e.g.")
        for suite in plan.suites {
            print("  mtrl plot \(plan.output.path)/\(SweepPlan.folderPrefix(suite))-*/ --out \(plan.output.path)/\(SweepPlan.folderPrefix(suite))-success.svg")
        }
    }
}
