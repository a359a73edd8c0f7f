import Experiment
import Foundation
import Testing

private func tinySweepConfig() -> ExperimentConfig {
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
}

@Test("the Slurm script is a job array of one task per run calling the sweep with --only")
func slurmScript() throws {
    let output = URL(fileURLWithPath: "/scratch/my study")
    let plan = try SweepPlan(base: tinySweepConfig(), combiners: [.mean, .pcgrad, .cagrad], seeds: [1, 2, 3, 4], output: output)
    let script = plan.slurmScript(executable: "/opt/mtrl/bin/mtrl", sweepArguments: ["sweep", "--combiners", "mean,pcgrad,cagrad", "--seeds", "1-4", "--out", output.path])
    #expect(script.hasPrefix("#!/bin/bash\n"))
    #expect(script.contains("#SBATCH --array=0-11\n"))
    #expect(script.contains("12 runs (3 combiners x 4 seeds)"))
    #expect(script.contains("/opt/mtrl/bin/mtrl sweep --combiners mean,pcgrad,cagrad --seeds 1-4 --out '/scratch/my study' --only \"$SLURM_ARRAY_TASK_ID\""))
    #expect(script.contains("#SBATCH --output='/scratch/my study'/slurm-%A_%a.out"))
}

@Test("repeated combiners or seeds are refused")
func sweepRepeats() {
    #expect(throws: ConfigError.self) {
        _ = try SweepPlan(base: tinySweepConfig(), combiners: [.mean, .mean], seeds: [1], output: URL(fileURLWithPath: "/tmp/x"))
    }
}
