import Experiment
import Foundation
import LinearAlgebra
import Testing

/// A run small enough for a test: MT1 reach, a 2x16 network, 600 steps of 150-step episodes.
private func tinyConfig(seed: UInt64 = 3) -> ExperimentConfig {
    var config = ExperimentConfig()
    config.suite = "mt1:reach"
    config.combiner = .pcgrad
    config.seed = seed
    config.steps = 600
    config.warmupSteps = 150
    config.evalEvery = 200
    config.evalEpisodes = 2
    config.checkpointEvery = 300
    config.logEvery = 150
    config.hiddenSizes = [16, 16]
    config.batchSizePerTask = 8
    config.replayCapacityPerTask = 1_000
    config.blasThreads = 1
    return config
}

private func temporaryFolder(_ name: String) -> RunFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-tests-\(name)-\(UUID().uuidString)")
    return RunFolder(url: url)
}

/// Runs `config` for only its first `steps` steps in a new folder, for a test that then continues or damages the run.
private func stoppedRun(_ name: String, steps: Int, config: ExperimentConfig = tinyConfig()) throws -> (folder: RunFolder, summary: RunSummary) {
    var short = config
    short.steps = steps
    let folder = temporaryFolder(name)
    var trainer = try Trainer(config: short, folder: folder)
    return (folder, try trainer.run())
}

/// Rewrites the run's checkpoint after `edit` changed it, as a damaged or older checkpoint would be found on disk.
private func editCheckpoint(of folder: RunFolder, _ edit: (inout TensorArchive) throws -> Void) throws {
    var archive = try TensorArchive(decoding: Data(contentsOf: folder.checkpointFile), source: "test")
    try edit(&archive)
    try archive.encoded().write(to: folder.checkpointFile)
}

@Test("a tiny run writes config, eval, train, summary and checkpoint")
func tinyRunWritesEverything() throws {
    let folder = temporaryFolder("files")
    var trainer = try Trainer(config: tinyConfig(), folder: folder)
    let summary = try trainer.run()
    #expect(summary.steps == 600)
    let eval = try text(folder.evalFile).split(separator: "\n")
    #expect(eval.first == Substring(RunFolder.evalHeader))
    // Evaluations at 200, 400 and 600, each one row for reach and one for the mean.
    #expect(eval.count == 1 + 3 * 2)
    #expect(eval.contains("200,reach,2,\(eval[1].split(separator: ",")[3]),\(eval[1].split(separator: ",")[4])"))
    #expect(eval.last?.hasPrefix("600,mean,2,") == true)
    let train = try text(folder.trainFile).split(separator: "\n")
    #expect(train.count == 1 + 4)
    #expect(try ExperimentConfig.load(file: folder.configFile) == tinyConfig())
    let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.summaryFile)) as? [String: Any]
    #expect(decoded?["steps"] as? Int == 600)
    #expect(decoded?["blasKernels"] as? String == BLAS.coreName)
    #expect(FileManager.default.fileExists(atPath: folder.checkpointFile.path))
}

@Test("two runs with the same seed write identical logs; another seed differs")
func seededRunsRepeat() throws {
    var logs = [String]()
    for (name, seed) in [("a", UInt64(3)), ("b", 3), ("c", 4)] {
        let folder = temporaryFolder("seed-\(name)")
        var trainer = try Trainer(config: tinyConfig(seed: seed), folder: folder)
        _ = try trainer.run()
        logs.append(try text(folder.evalFile) + text(folder.trainFile))
    }
    #expect(logs[0] == logs[1])
    #expect(logs[0] != logs[2])
}

/// The tiny run with every piece of the agent recipe switched on (layer norms, clipping, return
/// normalisation), whose state must survive a checkpoint too.
private func tinyRecipeConfig() -> ExperimentConfig {
    var config = tinyConfig()
    config.criticLayerNorm = true
    config.actorLayerNorm = true
    config.gradientClipNorm = 1
    config.returnNormalization = .running
    config.normalizedReturnStd = 10
    return config
}

@Test("a run killed after a checkpoint resumes to exactly the uninterrupted logs", arguments: [false, true])
func killAndResume(recipe: Bool) throws {
    let config = recipe ? tinyRecipeConfig() : tinyConfig()
    let whole = try uninterruptedRun(config)

    let killed = temporaryFolder("killed")
    var first = try Trainer(config: config, folder: killed)
    // Stop at step 450: the last checkpoint is at 300, and rows for 400 and 450 were logged after it.
    _ = try first.run(pause: 450)
    // A kill in the middle of a write leaves half a line.
    let handle = try FileHandle(forWritingTo: killed.evalFile)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("600,rea".utf8))
    try handle.close()

    var resumed = try Trainer(resuming: killed)
    #expect(resumed.completedSteps == 300)
    _ = try resumed.run()
    try expectSameLogs(killed, as: whole)
}

@Test("a finished run continued to a longer length logs exactly what a run of that length logs")
func extendFinishedRun() throws {
    var config = tinyConfig()
    config.evalEvery = 300
    let whole = try uninterruptedRun(config)

    let (folder, first) = try stoppedRun("extended", steps: 300, config: config)
    #expect(first.steps == 300)
    #expect(throws: ConfigError.self) { _ = try Trainer(resuming: folder, steps: 150) }

    var extended = try Trainer(resuming: folder, steps: 600)
    #expect(extended.completedSteps == 300 && extended.config.steps == 600)
    let summary = try extended.run()
    #expect(summary.steps == 600)
    try expectSameLogs(folder, as: whole)
    #expect(try ExperimentConfig.load(file: folder.configFile) == config)
    let expected = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: whole.summaryFile))
    #expect(summary.finalMeanSuccess == expected.finalMeanSuccess && summary.bestMeanSuccess == expected.bestMeanSuccess && summary.bestStep == expected.bestStep)
}

@Test("a finished run that ended in the middle of an episode continues exactly, by replaying the episode's stored actions")
func extendRunEndedMidEpisode() throws {
    // 400 is not a multiple of the 150-step horizon, nor of log_every: the checkpoint holds a part episode and a part log window.
    let whole = try uninterruptedRun(tinyConfig())
    let folder = try stoppedRun("mid-episode", steps: 400).folder
    var extended = try Trainer(resuming: folder, steps: 600)
    #expect(extended.completedSteps == 400)
    _ = try extended.run()
    try expectSameLogs(folder, as: whole)
}

@Test("starting over an existing run, resuming a non-run, and a damaged checkpoint are clear errors")
func badFoldersAndCheckpoints() throws {
    let folder = temporaryFolder("errors")
    var trainer = try Trainer(config: tinyConfig(), folder: folder)
    _ = try trainer.run(pause: 300)
    #expect(throws: ConfigError.self) { _ = try Trainer(config: tinyConfig(), folder: folder) }
    #expect(throws: CheckpointError.self) { _ = try Trainer(resuming: temporaryFolder("nothing")) }

    var bytes = try Data(contentsOf: folder.checkpointFile)
    bytes[bytes.count / 2] ^= 0xFF
    try bytes.write(to: folder.checkpointFile)
    do {
        _ = try Trainer(resuming: folder)
        Issue.record("a damaged checkpoint was accepted")
    } catch let error as CheckpointError {
        #expect("\(error)".contains("checksum"))
    }
}

@Test("a config for an unknown suite is refused with the valid names")
func unknownSuite() {
    var config = tinyConfig()
    config.suite = "mt11"
    do {
        _ = try Trainer(config: config, folder: temporaryFolder("suite"))
        Issue.record("an unknown suite was accepted")
    } catch {
        #expect("\(error)".contains("mt10") && "\(error)".contains("mt50"))
    }
}

@Test("return normalisation changes training, and is deterministic")
func returnNormalizationChangesTraining() throws {
    var config = tinyConfig()
    config.steps = 300
    config.checkpointEvery = 300
    let plain = temporaryFolder("plain")
    var first = try Trainer(config: config, folder: plain)
    _ = try first.run()
    config.returnNormalization = .running
    let scaled = [temporaryFolder("scaled-a"), temporaryFolder("scaled-b")]
    for folder in scaled {
        var trainer = try Trainer(config: config, folder: folder)
        _ = try trainer.run()
    }
    #expect(try text(scaled[0].trainFile) == text(scaled[1].trainFile))
    #expect(try text(scaled[0].trainFile) != text(plain.trainFile))
}

@Test("a run with 2 update threads writes the same logs and checkpointed tensors as with 1")
func threadCountDoesNotChangeRuns() throws {
    var results = [String](), checkpoints = [[String: [Float]]]()
    for threads in [1, 2] {
        var config = tinyConfig()
        config.threads = threads
        let folder = temporaryFolder("threads-\(threads)")
        var trainer = try Trainer(config: config, folder: folder)
        _ = try trainer.run()
        results.append(try text(folder.evalFile) + text(folder.trainFile))
        checkpoints.append(try TensorArchive(decoding: Data(contentsOf: folder.checkpointFile), source: folder.checkpointFile.path).tensors)
    }
    #expect(results[0] == results[1])
    #expect(checkpoints[0] == checkpoints[1])
}

@Test("a summary written before the kernels were recorded still decodes, without kernels")
func olderSummaryDecodes() throws {
    let json = """
        {"bestMeanSuccess": 0.5, "bestStep": 200, "combiner": "mean", "finalMeanSuccess": 0.5,
         "finalSuccess": {"reach": 0.5}, "seed": 1, "steps": 600, "suite": "mt1:reach",
         "timeShares": {"update": 1}, "wallSeconds": 2}
        """
    let summary = try JSONDecoder().decode(RunSummary.self, from: Data(json.utf8))
    #expect(summary.steps == 600)
    #expect(summary.blasKernels == nil)
}

@Test("a run ended mid-episode whose stored actions no longer give its stored observations refuses to continue")
func midEpisodeReplayMismatch() throws {
    let folder = try stoppedRun("mid-episode-damaged", steps: 400).folder
    // Change one action of the episode in progress (steps 300-400; one task, rows in step order).
    try editCheckpoint(of: folder) { $0.tensors["replay.actions"]![399 * 4] += 0.5 }
    var extended = try Trainer(resuming: folder, steps: 600)
    #expect(throws: CheckpointError.self) { _ = try extended.run() }
}

@Test("a continued run's summary adds the earlier processes' training time; a checkpoint without it gives none")
func continuedRunTotalsWallTime() throws {
    let (folder, firstSummary) = try stoppedRun("wall-time", steps: 300)
    #expect(firstSummary.totalWallSeconds == firstSummary.wallSeconds)

    var extended = try Trainer(resuming: folder, steps: 450)
    let summary = try extended.run()
    let earlier = try #require(summary.totalWallSeconds) - summary.wallSeconds
    // The checkpoint at 300 saved the first process's time up to it: more than nothing, at most its whole run.
    #expect(earlier > 0 && earlier <= firstSummary.wallSeconds)

    // A checkpoint written before the time was saved: the total is unknown, not a wrong number.
    try editCheckpoint(of: folder) { archive in
        let counters = try #require(archive.metadata["trainer"])
        #expect(counters.contains("\"wallSeconds\""))
        archive.metadata["trainer"] = counters.replacingOccurrences(of: "\"wallSeconds\"", with: "\"unknownKey\"")
    }
    var older = try Trainer(resuming: folder, steps: 600)
    let olderSummary = try older.run()
    #expect(olderSummary.steps == 600 && olderSummary.totalWallSeconds == nil)
}
