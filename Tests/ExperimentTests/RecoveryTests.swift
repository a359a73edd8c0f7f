import Experiment
import Foundation
import Testing

/// A run whose `train.csv` rows (every 450 steps) and checkpoints (every 450) lie three episodes apart,
/// so a stop at any other episode boundary falls inside a log window.
private func windowedConfig() -> ExperimentConfig {
    var config = tinySweepConfig()
    config.steps = 900
    config.logEvery = 450
    config.checkpointEvery = 450
    config.evalEvery = 300
    return config
}

@Test("a stop requested mid-window checkpoints at the episode boundary, and the resumed run writes the uninterrupted rows",
      arguments: [1, 2, 4])
func stopAtEpisodeBoundary(boundary: Int) throws {
    let config = windowedConfig()
    let whole = try uninterruptedRun(config)

    let folder = RunFolder(url: scratchFolder("stopped"))
    var first = try Trainer(config: config, folder: folder)
    var asked = 0
    let summary = try first.run(stopRequested: {
        asked += 1
        return asked == boundary
    })
    // Asked once per episode boundary before the end: the stop lands on the boundary-th one.
    #expect(summary.steps == boundary * config.horizon)
    var resumed = try Trainer(resuming: folder)
    #expect(resumed.completedSteps == boundary * config.horizon)
    _ = try resumed.run()
    try expectSameLogs(folder, as: whole)
}

@Test("a run stopped before its first checkpoint resumes from step 0, to the uninterrupted logs")
func resumeBeforeFirstCheckpoint() throws {
    let config = windowedConfig()
    let whole = try uninterruptedRun(config)

    let folder = RunFolder(url: scratchFolder("early"))
    _ = try Trainer(config: config, folder: folder)
    // Killed after its first evaluation (step 300), before the checkpoint at 450: rows but no checkpoint.
    try (RunFolder.evalHeader + "\n300,reach,1,0,12\n300,mean,1,0,12\n30").write(to: folder.evalFile, atomically: true, encoding: .utf8)
    #expect(throws: CheckpointError.self) { _ = try Trainer.loadAgent(from: folder) }
    var resumed = try Trainer(resuming: folder)
    #expect(resumed.completedSteps == 0)
    _ = try resumed.run()
    try expectSameLogs(folder, as: whole)
}

@Test("eval on a run without a checkpoint says how to continue it")
func evalWithoutCheckpoint() throws {
    let folder = RunFolder(url: scratchFolder("no-checkpoint"))
    _ = try Trainer(config: windowedConfig(), folder: folder)
    do {
        _ = try Trainer.loadAgent(from: folder)
        Issue.record("a folder without a checkpoint loaded")
    } catch let error as CheckpointError {
        #expect(error.description.contains("--resume \(folder.url.path)"))
    }
}

@Test("a disk that fills while a checkpoint is written leaves the previous checkpoint intact and resumable",
      .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux) to make a write fail with ENOSPC"))
func diskFullDuringCheckpoint() throws {
    let config = windowedConfig()
    let whole = try uninterruptedRun(config)
    let folder = RunFolder(url: scratchFolder("disk-full"))
    var first = try Trainer(config: config, folder: folder)
    _ = try first.run(pause: 450)
    let saved = try Data(contentsOf: folder.checkpointFile)

    // AtomicFile writes `.checkpoint.bin.tmp-<pid>` first: pointed at /dev/full, that write fails with
    // "no space left on device", exactly as on a full disk.
    let temporary = folder.url.appendingPathComponent(".checkpoint.bin.tmp-\(getpid())")
    try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: "/dev/full")
    var second = try Trainer(resuming: folder)
    do {
        _ = try second.run()
        Issue.record("the checkpoint write to a full disk succeeded")
    } catch let error as CheckpointError {
        #expect(error.description.contains("checkpoint.bin at step 900") && error.description.contains("previous checkpoint is intact"))
    }
    #expect(try Data(contentsOf: folder.checkpointFile) == saved)
    #expect(!FileManager.default.fileExists(atPath: temporary.path), "the failed temporary file was left behind")

    var third = try Trainer(resuming: folder)
    #expect(third.completedSteps == 450)
    _ = try third.run()
    try expectSameLogs(folder, as: whole)
}
