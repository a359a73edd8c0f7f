import Experiment
import Foundation
import Testing

/// A sweep run small enough for a test (MT1 reach, one 8-wide layer, 300 steps); shared with the Slurm test.
func tinySweepConfig() -> ExperimentConfig {
    var config = ExperimentConfig()
    config.suite = "mt1:reach"
    config.steps = 300
    config.warmupSteps = 150
    config.evalEvery = 150
    config.evalEpisodes = 1
    config.checkpointEvery = 150
    config.logEvery = 150
    config.hiddenSizes = [8]
    config.batchSizePerTask = 4
    config.replayCapacityPerTask = 500
    config.blasThreads = 1
    return config
}

@Test("a sweep plan skips finished runs, resumes stopped ones and starts the rest")
func sweepStatuses() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-sweep-\(UUID().uuidString)")
    let base = tinySweepConfig()
    let plan = try SweepPlan(base: base, combiners: [.mean, .pcgrad], seeds: [1, 2], output: output)
    #expect(plan.runs.map(\.folder.lastPathComponent) == ["mt1-reach-mean-s1", "mt1-reach-mean-s2", "mt1-reach-pcgrad-s1", "mt1-reach-pcgrad-s2"])
    #expect(plan.runs.allSatisfy { $0.status == .start })

    var finished = try Trainer(config: plan.config(for: plan.runs[0]), folder: RunFolder(url: plan.runs[0].folder))
    _ = try finished.run()
    var stopped = try Trainer(config: plan.config(for: plan.runs[1]), folder: RunFolder(url: plan.runs[1].folder))
    _ = try stopped.run(pause: 150)
    // A run killed before its first checkpoint leaves a folder with only its config: start it again.
    _ = try Trainer(config: plan.config(for: plan.runs[2]), folder: RunFolder(url: plan.runs[2].folder))

    let again = try SweepPlan(base: base, combiners: [.mean, .pcgrad], seeds: [1, 2], output: output)
    #expect(again.runs.map(\.status) == [.complete, .resume, .start, .start])
    #expect(again.config(for: again.runs[3]).combiner == .pcgrad && again.config(for: again.runs[3]).seed == 2)

    // Longer than the finished run: continue it from its checkpoint; without one, refuse to start it over.
    var longer = base
    longer.steps = 450
    #expect(try SweepPlan(base: longer, combiners: [.mean], seeds: [1], output: output).runs[0].status == .resume)
    try FileManager.default.removeItem(at: RunFolder(url: plan.runs[0].folder).checkpointFile)
    #expect(try SweepPlan(base: longer, combiners: [.mean], seeds: [1], output: output).runs[0].status == .noCheckpoint)
    #expect(try SweepPlan(base: base, combiners: [.mean], seeds: [1], output: output).runs[0].status == .complete)
}

@Test("the Slurm script is a job array of one task per run calling the sweep with --only")
func slurmScript() throws {
    let output = URL(fileURLWithPath: "/scratch/my study")
    let plan = try SweepPlan(base: tinySweepConfig(), combiners: [.mean, .pcgrad, .cagrad], seeds: [1, 2, 3, 4], output: output)
    let script = plan.slurmScript(executable: "/opt/mtrl/bin/mtrl", sweepArguments: ["sweep", "--combiners", "mean,pcgrad,cagrad", "--seeds", "1-4", "--out", output.path])
    #expect(script.hasPrefix("#!/bin/bash\n"))
    #expect(script.contains("#SBATCH --array=0-11\n"))
    #expect(script.contains("12 runs (1 suite x 3 combiners x 4 seeds) on mt1:reach"))
    #expect(script.contains("/opt/mtrl/bin/mtrl sweep --combiners mean,pcgrad,cagrad --seeds 1-4 --out '/scratch/my study' --only \"$SLURM_ARRAY_TASK_ID\""))
    #expect(script.contains("#SBATCH --output='/scratch/my study'/slurm-%A_%a.out"))
    // Requeue-friendly: Slurm's warning reaches the shell, which passes it on and requeues on status 75.
    for line in ["#SBATCH --open-mode=append\n", "#SBATCH --requeue\n", "#SBATCH --signal=B:TERM@300\n", "trap 'kill -TERM \"$mtrl\" 2>/dev/null' TERM\n",
                 "if [ \"$status\" -eq 75 ]; then\n", "scontrol requeue \"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n"] {
        #expect(script.contains(line), "the script lacks \(line)")
    }
}

@Test("a sweep over two suites runs every suite x combiner x seed, suite-major, into per-suite folders")
func twoSuitePlan() throws {
    let output = URL(fileURLWithPath: "/scratch/study")
    let plan = try SweepPlan(base: tinySweepConfig(), suites: ["mt10", "mt1:reach"], combiners: [.mean, .cagrad], seeds: [1, 2], output: output)
    #expect(plan.suites == ["mt10", "mt1:reach"])
    #expect(plan.runs.map(\.folder.lastPathComponent) == [
        "mt10-mean-s1", "mt10-mean-s2", "mt10-cagrad-s1", "mt10-cagrad-s2",
        "mt1-reach-mean-s1", "mt1-reach-mean-s2", "mt1-reach-cagrad-s1", "mt1-reach-cagrad-s2",
    ])
    #expect(plan.runs(on: "mt1:reach").count == 4)
    let last = plan.config(for: plan.runs[7])
    #expect(last.suite == "mt1:reach" && last.combiner == .cagrad && last.seed == 2)
    #expect(plan.config(for: plan.runs[0]).suite == "mt10")

    let arguments = ["sweep", "--suites", "mt10,mt1:reach", "--combiners", "mean,cagrad", "--seeds", "1,2", "--out", output.path]
    let script = plan.slurmScript(executable: "/opt/mtrl/bin/mtrl", sweepArguments: arguments)
    #expect(script.contains("#SBATCH --array=0-7\n"))
    #expect(script.contains("8 runs (2 suites x 2 combiners x 2 seeds) on mt10, mt1:reach"))
    #expect(script.contains("/opt/mtrl/bin/mtrl sweep --suites mt10,mt1:reach --combiners mean,cagrad --seeds 1,2 --out /scratch/study --only \"$SLURM_ARRAY_TASK_ID\""))
}

@Test("without suites the plan uses the config's suite")
func defaultSuite() throws {
    let plan = try SweepPlan(base: tinySweepConfig(), combiners: [.mean], seeds: [3], output: URL(fileURLWithPath: "/tmp/x"))
    #expect(plan.suites == ["mt1:reach"] && plan.runs.map(\.suite) == ["mt1:reach"])
    #expect(SweepPlan.folderPrefix("mt1:reach") == "mt1-reach" && SweepPlan.folderPrefix("mt50") == "mt50")
}

@Test("repeated suites, combiners or seeds are refused")
func sweepRepeats() {
    let output = URL(fileURLWithPath: "/tmp/x")
    #expect(throws: ConfigError.self) { _ = try SweepPlan(base: tinySweepConfig(), combiners: [.mean, .mean], seeds: [1], output: output) }
    #expect(throws: ConfigError.self) { _ = try SweepPlan(base: tinySweepConfig(), combiners: [.mean], seeds: [1, 1], output: output) }
    #expect(throws: ConfigError.self) { _ = try SweepPlan(base: tinySweepConfig(), suites: ["mt10", "mt10"], combiners: [.mean], seeds: [1], output: output) }
}

@Test("a sweep runs one training process per active processor core unless told otherwise")
func defaultJobs() {
    #expect(SweepPlan.defaultJobs == ProcessInfo.processInfo.activeProcessorCount)
    #expect(SweepPlan.defaultJobs >= 1)
}
