import ArgumentParser
import Experiment
import Foundation
import GradientCombiners
import Reporting

/// `mtrl sweep`: trains every combiner x seed on one suite, skipping finished runs and resuming
/// interrupted ones, then plots the comparison; or writes a Slurm job array doing the same on a cluster.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train combiners x seeds on a suite (restartable), then plot them; or write a Slurm job array.",
        discussion: """
            Example (the MT10 comparison of the PCGrad and CAGrad papers):
              mtrl sweep --suite mt10 --combiners mean,pcgrad,cagrad --seeds 1,2,3 --out runs/mt10-study
            Run folders are <out>/<suite>-<combiner>-s<seed>; the figure is <out>/success.svg.
            """)

    @Option(help: "Suite: mt10, mt50, or mt1:<task>.")
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

    @Option(help: "Training processes at once (each uses blas_threads OpenBLAS threads).")
    var jobs: Int = 1

    @Flag(help: "Only print the plan (what each run still needs).")
    var dryRun = false

    @Option(help: "Write a Slurm batch script (job array, one run per task) to this file instead of running.")
    var slurm: String?

    @Option(help: "Work on the run with this index of the plan only (what each Slurm task does).")
    var only: Int?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try parsedSeeds()
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
            var base = ExperimentConfig()
            if let config { base = try ExperimentConfig.load(file: URL(fileURLWithPath: config)) }
            for assignment in set { try base.apply(assignment: assignment) }
            if let suite { base.suite = suite }
            if let steps { base.steps = steps }
            _ = try Evaluator.makeSuite(base)
            let kinds = try CombinerKind.parseList(combiners)
            let output = URL(fileURLWithPath: out)
            let plan = try SweepPlan(base: base, combiners: kinds, seeds: try parsedSeeds(), output: output)
            if let only, !plan.runs.indices.contains(only) {
                throw ValidationError("--only \(only) is outside the plan's 0..<\(plan.runs.count) runs")
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
            let failures = try execute(plan, baseFile: baseFile)
            if only == nil {
                let curves = try RunCurves(folders: plan.runs.map(\.folder))
                let figure = output.appendingPathComponent("success.svg")
                try AtomicFile.write(curves.chart().render(), to: figure)
                print("wrote \(figure.path)")
            }
            if !failures.isEmpty {
                throw ValidationError("\(failures.count) run(s) failed: \(failures.joined(separator: ", ")); see \(output.appendingPathComponent("logs").path)")
            }
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        } catch let error as CombinerError {
            throw ValidationError("--combiners: \(error)")
        }
    }

    /// Runs what the plan still needs as child `mtrl train` processes, at most `jobs` at once.
    /// Returns the names of the runs that failed.
    func execute(_ plan: SweepPlan, baseFile: URL) throws -> [String] {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let logs = plan.output.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        var pending = plan.runs.enumerated().filter { only == nil || only == $0.offset }.map(\.element).filter { $0.status != .complete }
        var running = [(SweepPlan.Run, Process)]()
        var failures = [String]()
        while !pending.isEmpty || !running.isEmpty {
            while running.count < jobs, !pending.isEmpty {
                let run = pending.removeFirst()
                var arguments = ["train", "--resume", run.folder.path]
                if run.status == .start {
                    try? FileManager.default.removeItem(at: run.folder)
                    arguments = ["train", "--config", baseFile.path, "--combiner", run.combiner.rawValue, "--seed", String(run.seed), "--run-dir", run.folder.path]
                }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let logFile = logs.appendingPathComponent("\(run.folder.lastPathComponent).log")
                if !FileManager.default.fileExists(atPath: logFile.path) { FileManager.default.createFile(atPath: logFile.path, contents: nil) }
                let handle = try FileHandle(forWritingTo: logFile)
                try handle.seekToEnd()
                process.standardOutput = handle
                process.standardError = handle
                try process.run()
                print("started \(run.folder.lastPathComponent) (\(run.status == .start ? "new" : "resumed")), log: \(logFile.path)")
                running.append((run, process))
            }
            Thread.sleep(forTimeInterval: 0.2)
            for (run, process) in running where !process.isRunning {
                if process.terminationStatus == 0 {
                    print("finished \(run.folder.lastPathComponent)")
                } else {
                    print("FAILED \(run.folder.lastPathComponent) (exit \(process.terminationStatus))")
                    failures.append(run.folder.lastPathComponent)
                }
            }
            running.removeAll { !$0.1.isRunning }
        }
        return failures
    }

    func writeSlurm(_ plan: SweepPlan, to path: String) throws {
        var arguments = ["sweep", "--combiners", combiners, "--seeds", seeds, "--out", plan.output.path]
        if let config { arguments += ["--config", URL(fileURLWithPath: config).path] }
        for assignment in set { arguments += ["--set", assignment] }
        if let suite { arguments += ["--suite", suite] }
        if let steps { arguments += ["--steps", String(steps)] }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(at: plan.output, withIntermediateDirectories: true)
        try AtomicFile.write(plan.slurmScript(executable: executable, sweepArguments: arguments), to: URL(fileURLWithPath: path))
        print("wrote \(path): a job array of \(plan.runs.count) runs; submit with sbatch \(path), then plot with mtrl plot \(plan.output.path)/*/")
    }
}
