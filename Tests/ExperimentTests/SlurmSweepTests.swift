import Experiment
import Foundation
import Testing

/// The `mtrl` binary built next to the test bundle, if there is one.
private func mtrlBinary() -> URL? {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent("mtrl")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    return nil
}

/// The full path of `tool` on PATH, if it is there.
private func onPath(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs `tool` with `arguments` and returns its exit status and standard output.
@discardableResult
private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether a Slurm cluster takes jobs here: `sbatch` is installed and `scontrol ping` finds the
/// controller up (it answers at once either way, unlike `sinfo`, which waits for a down controller).
private let slurmAnswers: Bool = {
    guard onPath("sbatch") != nil, let scontrol = onPath("scontrol"), let result = try? run(scontrol, ["ping"]) else { return false }
    return result.status == 0 && result.output.contains("is UP")
}()

/// Polls `condition` every 0.2 s until it holds or `seconds` have passed (a timeout, not a timing).
private func waitUntil(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.2)
    }
    return try condition()
}

/// `mtrl sweep` arguments over `suites`, `combiners` and seed 1 from `configFile` into `output`.
private func sweepArguments(_ suites: [String], _ combiners: String, configFile: URL, output: URL) -> [String] {
    ["sweep", "--suites", suites.joined(separator: ","), "--combiners", combiners, "--seeds", "1", "--out", output.path, "--config", configFile.path]
}

/// Expects every run folder of `plan` to hold the same eval.csv and train.csv under `other`.
private func expectSameLogs(_ plan: SweepPlan, as other: URL) throws {
    for run in plan.runs {
        let mine = RunFolder(url: run.folder), theirs = RunFolder(url: other.appendingPathComponent(run.folder.lastPathComponent))
        #expect(try text(mine.evalFile) == text(theirs.evalFile), "\(run.folder.lastPathComponent): eval.csv differs")
        #expect(try text(mine.trainFile) == text(theirs.trainFile), "\(run.folder.lastPathComponent): train.csv differs")
    }
}

/// The real cluster (`.ci/slurm-setup` starts a one-node one): one job array at a time.
@Suite("Slurm job arrays", .serialized,
       .enabled(if: slurmAnswers, "needs sbatch and a running Slurm controller (scontrol ping); .ci/slurm-setup starts one"),
       .enabled(if: mtrlBinary() != nil, "needs the mtrl binary built next to the tests"))
struct SlurmSweepTests {
    @Test("a generated Slurm job array trains a tiny two-suite sweep on the cluster, to the results of a local sweep")
    func arrayMatchesLocalSweep() throws {
        let output = scratchFolder("slurm-sweep")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let base = tinySweepConfig()
        let configFile = output.appendingPathComponent("tiny.yaml")
        try base.yaml().write(to: configFile, atomically: true, encoding: .utf8)

        let suites = ["mt1:reach", "mt1:push"]
        let plan = try SweepPlan(base: base, suites: suites, combiners: [.mean, .pcgrad], seeds: [1], output: output)
        let script = output.appendingPathComponent("array.sh")
        let arguments = sweepArguments(suites, "mean,pcgrad", configFile: configFile, output: output)
        try plan.slurmScript(executable: mtrlBinary()!.path, sweepArguments: arguments, cpusPerTask: 1, hours: 1).write(to: script, atomically: true, encoding: .utf8)

        // --wait returns when every task of the array has ended, with a non-zero status if one failed; the
        // command-line limits (which override the script's) cancel the array if the cluster cannot run it soon.
        let submission = try run(onPath("sbatch")!, ["--wait", "--parsable", "--time=10", "--deadline=now+30minutes", script.path])
        #expect(submission.status == 0, "sbatch --wait: status \(submission.status), output \(submission.output)")

        let after = try SweepPlan(base: base, suites: suites, combiners: [.mean, .pcgrad], seeds: [1], output: output)
        #expect(after.runs.count == 4)
        #expect(after.runs.allSatisfy { $0.status == .complete }, "\(after.runs.map { "\($0.folder.lastPathComponent): \($0.status)" })")
        let logs = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("slurm-") && $0.hasSuffix(".out") }
        #expect(logs.count == 4)

        let local = scratchFolder("local-sweep")
        let localRun = try run(mtrlBinary()!.path, sweepArguments(suites, "mean,pcgrad", configFile: configFile, output: local))
        #expect(localRun.status == 0, "local sweep: \(localRun.output)")
        try expectSameLogs(after, as: local)
    }

    @Test("an array task stopped by Slurm's SIGTERM checkpoints, requeues itself and resumes to the uninterrupted results")
    func requeuedTaskResumes() throws {
        let output = scratchFolder("slurm-requeue")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // Long enough (MT10, 4,500 steps) that the signal lands mid-run; rows and checkpoints every 1,500
        // steps, so the stop falls inside a log window.
        var base = tinySweepConfig()
        base.suite = "mt10"
        base.steps = 4_500
        base.evalEvery = 1_500
        base.logEvery = 1_500
        base.checkpointEvery = 1_500
        base.hiddenSizes = [64, 64]
        base.replayCapacityPerTask = 5_000
        let configFile = output.appendingPathComponent("requeue.yaml")
        try base.yaml().write(to: configFile, atomically: true, encoding: .utf8)
        let plan = try SweepPlan(base: base, combiners: [.mean], seeds: [1], output: output)
        let script = output.appendingPathComponent("array.sh")
        let arguments = sweepArguments(["mt10"], "mean", configFile: configFile, output: output)
        try plan.slurmScript(executable: mtrlBinary()!.path, sweepArguments: arguments, cpusPerTask: 1, hours: 1).write(to: script, atomically: true, encoding: .utf8)

        let submission = try run(onPath("sbatch")!, ["--parsable", "--time=15", "--deadline=now+30minutes", script.path])
        try #require(submission.status == 0, "sbatch: \(submission.output)")
        let task = submission.output.trimmingCharacters(in: .whitespacesAndNewlines) + "_0"
        func job() -> String { (try? run(onPath("scontrol")!, ["show", "job", task]).output) ?? "" }

        // Once the first evaluation is logged, send what Slurm sends before the time limit (--signal=B:TERM).
        let folder = RunFolder(url: plan.runs[0].folder)
        try #require(waitUntil(seconds: 600) { FileManager.default.fileExists(atPath: folder.evalFile.path) }, "the task never started: \(job())")
        try run(onPath("scancel")!, ["--batch", "--signal=TERM", task])
        // The task requeues itself; Slurm holds a requeued job back for a while, which the test shortens.
        // Not to zero: slurmd refuses a job whose new credential dates from the second in which the old
        // one was revoked ("Job credential revoked", the task fails), so the restart waits a few seconds.
        try #require(waitUntil(seconds: 120) { let state = job(); return state.contains("Restarts=1") && state.contains("JobState=PENDING") },
                     "the task was not requeued: \(job())")
        try run(onPath("scontrol")!, ["update", "JobId=\(task)", "StartTime=now+3"])
        var last = ""
        let completed = waitUntil(seconds: 600) {
            let state = job()
            if !state.isEmpty { last = state }
            return state.contains("JobState=COMPLETED") || state.contains("JobState=FAILED")
        }
        let slurmOutput = (try? text(output.appendingPathComponent("slurm-\(task).out"))) ?? "(no output file)"
        try #require(completed && last.contains("JobState=COMPLETED"),
                     "the requeued task did not complete. Last state: \(last)\nIts output: \(slurmOutput)")

        let log = try text(output.appendingPathComponent("logs/\(folder.url.lastPathComponent).log"))
        #expect(log.contains("Interrupted by SIGTERM at step") && log.contains("Resuming \(folder.url.path) at step"), "\(log)")
        let local = scratchFolder("local-requeue")
        let localRun = try run(mtrlBinary()!.path, sweepArguments(["mt10"], "mean", configFile: configFile, output: local))
        #expect(localRun.status == 0, "local sweep: \(localRun.output)")
        try expectSameLogs(plan, as: local)
    }
}
