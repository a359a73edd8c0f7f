import Experiment
import Foundation
import Testing

/// A 750-step MT1 run with 3-step returns and a 200-transition ring, so the ring has wrapped and holds
/// episode ends by the checkpoint at step 450.
private func nStepConfig(_ nStep: Int = 3) -> ExperimentConfig {
    var config = tinySweepConfig()
    config.steps = 750
    config.replayCapacityPerTask = 200
    config.nStep = nStep
    return config
}

/// Trains `config` to step 500 (its last checkpoint at 450), as if killed there, and returns the folder.
private func killedRun(_ config: ExperimentConfig, _ name: String) throws -> RunFolder {
    let folder = RunFolder(url: scratchFolder(name))
    var trainer = try Trainer(config: config, folder: folder)
    _ = try trainer.run(pause: 500)
    return folder
}

/// Resumes `folder` and checks its logs against the uninterrupted run's.
private func expectResumesTo(_ whole: RunFolder, _ folder: RunFolder) throws {
    var resumed = try Trainer(resuming: folder)
    #expect(resumed.completedSteps == 450)
    _ = try resumed.run()
    try expectSameLogs(folder, as: whole)
}

@Test("an n_step = 3 run resumes to the uninterrupted logs, also from a checkpoint without episode-end flags")
func nStepResume() throws {
    let config = nStepConfig()
    let whole = try uninterruptedRun(config)
    let oneStep = RunFolder(url: scratchFolder("nstep-one"))
    var oneStepTrainer = try Trainer(config: nStepConfig(1), folder: oneStep)
    _ = try oneStepTrainer.run()
    #expect(try text(oneStep.trainFile) != text(whole.trainFile))

    let killed = try killedRun(config, "nstep-killed")
    // At step 450 the ring holds steps 250...449; episodes end at steps 299 and 449, rows 99 and 49.
    let saved = try TensorArchive(decoding: Data(contentsOf: killed.checkpointFile), source: "test")
    var ends = [Float](repeating: 0, count: 200)
    ends[49] = 1
    ends[99] = 1
    #expect(try saved.tensor("replay.episode_ends") == ends)
    try expectResumesTo(whole, killed)

    // A checkpoint written before the flags were saved: they are rebuilt from the horizon.
    let old = try killedRun(config, "nstep-old")
    var archive = try TensorArchive(decoding: Data(contentsOf: old.checkpointFile), source: "test")
    archive.tensors["replay.episode_ends"] = nil
    try archive.encoded().write(to: old.checkpointFile)
    try expectResumesTo(whole, old)
}

@Test("n_step outside 1...horizon is refused naming the key and the range")
func nStepValidation() {
    var config = ExperimentConfig()
    config.horizon = 150
    for bad in [0, 151] {
        config.nStep = bad
        #expect(config.problems() == ["n_step must be in 1...horizon (1...150), got \(bad)"])
    }
    config.nStep = 150
    #expect(config.problems().isEmpty)
}
