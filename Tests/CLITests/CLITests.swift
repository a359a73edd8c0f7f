import Foundation
import Testing

/// End-to-end tests of the `mtrl` binary, built next to the test bundle.
func mtrlBinary() -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("mtrl").path), directory.path != "/" {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("mtrl")
}

private struct Outcome {
    let status: Int32
    let output: String
    let error: String
}

private func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = mtrlBinary()
    process.arguments = arguments
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), error: String(decoding: errorData, as: UTF8.self))
}

@Test("--help lists the subcommands and --version prints a version")
func helpAndVersion() throws {
    let help = try run(["--help"])
    #expect(help.status == 0)
    for command in ["train", "eval", "config", "bench"] { #expect(help.output.contains(command)) }
    let version = try run(["--version"])
    #expect(version.status == 0 && version.output.contains("."))
}

@Test("a tiny training run from the command line writes a run folder that eval reads")
func trainAndEvaluate() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-cli-\(UUID().uuidString)")
    let train = try run([
        "train", "--suite", "mt1:reach", "--combiner", "cagrad", "--steps", "300", "--eval-every", "150", "--eval-episodes", "1",
        "--set", "warmup_steps=150", "--set", "checkpoint_every=150", "--set", "log_every=150", "--set", "hidden_sizes=[8]",
        "--set", "batch_size_per_task=4", "--set", "blas_threads=1", "--run-dir", folder.path,
    ])
    #expect(train.status == 0, "\(train.output)\(train.error)")
    #expect(train.output.contains("Evaluation at step 300"))
    // Not a terminal: one plain progress line per train.csv row, no status line rewritten in place.
    #expect(train.output.contains("step 150/300  ") && train.output.contains("step 300/300  "), "\(train.output)")
    #expect(!train.output.contains("\r") && !train.output.contains("\u{1B}"))
    for file in ["config.yaml", "eval.csv", "train.csv", "summary.json", "checkpoint.bin"] {
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "missing \(file)")
    }
    let evaluation = try run(["eval", folder.path, "--episodes", "1", "--json"])
    #expect(evaluation.status == 0, "\(evaluation.error)")
    #expect(evaluation.output.contains("\"reach\""))
    let resumed = try run(["train", "--resume", folder.path])
    #expect(resumed.status == 0, "\(resumed.error)")
    let extended = try run(["train", "--resume", folder.path, "--steps", "450"])
    #expect(extended.status == 0, "\(extended.error)")
    #expect(extended.output.contains("Resuming \(folder.path) at step 300 of 450") && extended.output.contains("Evaluation at step 450"), "\(extended.output)")
    #expect(try String(contentsOf: folder.appendingPathComponent("config.yaml"), encoding: .utf8).contains("\nsteps: 450\n"))
    let shortened = try run(["train", "--resume", folder.path, "--steps", "300"])
    #expect(shortened.status == 1 && shortened.error.contains("--steps 300 is below the step the run's checkpoint is at (450)"), "\(shortened.error)")
}

@Test("a sweep with more steps continues its finished runs, and refuses a finished run with no checkpoint")
func sweepExtendsFinishedRuns() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-cli-sweep-\(UUID().uuidString)")
    func sweep(steps: Int) throws -> Outcome {
        try run(["sweep", "--suite", "mt1:reach", "--combiners", "mean,pcgrad", "--seeds", "1", "--steps", String(steps), "--jobs", "1",
                 "--set", "warmup_steps=150", "--set", "eval_every=150", "--set", "eval_episodes=1", "--set", "checkpoint_every=150",
                 "--set", "log_every=150", "--set", "hidden_sizes=[8]", "--set", "batch_size_per_task=4", "--set", "blas_threads=1",
                 "--out", output.path])
    }
    let first = try sweep(steps: 300)
    #expect(first.status == 0, "\(first.output)\(first.error)")
    let longer = try sweep(steps: 450)
    #expect(longer.status == 0, "\(longer.output)\(longer.error)")
    #expect(longer.output.contains("[0] mt1-reach-mean-s1: resume") && longer.output.contains("started mt1-reach-mean-s1 (resumed)"), "\(longer.output)")
    let eval = try String(contentsOf: output.appendingPathComponent("mt1-reach-mean-s1/eval.csv"), encoding: .utf8)
    #expect(eval.contains("\n450,mean,1,"), "\(eval)")

    try FileManager.default.removeItem(at: output.appendingPathComponent("mt1-reach-pcgrad-s1/checkpoint.bin"))
    let stranded = try sweep(steps: 600)
    #expect(stranded.status == 1, "\(stranded.output)")
    #expect(stranded.error.contains("mt1-reach-pcgrad-s1: ended at fewer than 600 steps, with no checkpoint.bin to continue from"), "\(stranded.error)")
    #expect(!stranded.output.contains("started"), "a refused sweep starts nothing: \(stranded.output)")
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("mt1-reach-pcgrad-s1/eval.csv").path))
}

@Test("bad input gives one clear message and a non-zero exit, never a crash", arguments: [
    (["train", "--combiner", "pcgard"], "pcgrad"),
    (["train", "--suite", "mt11"], "mt10"),
    (["train", "--suite", "mt1:reech"], "reach"),
    (["train", "--set", "stepz=5"], "steps"),
    (["train", "--steps", "0"], "steps must be at least 1"),
    (["train", "--config", "/nonexistent/config.yaml"], "cannot read"),
    (["eval", "/nonexistent/run"], "not a run folder"),
    (["train", "--resume", "/nonexistent/run"], "not a run folder"),
    (["train", "--set", "hidden_sizes=[100000000]"], "more than this machine's"),
    (["train", "--set", "replay_capacity_per_task=1000000000000"], "replay buffers"),
    (["train", "--steps", "1000"], "warmup_steps (1500) must be less than steps (1000)"),
    (["bench", "update", "--hidden", "100000000"], "more than this machine's"),
    (["config", "--config", "/nonexistent/config.yaml"], "cannot read"),
    (["compare", "/nonexistent/run"], "none of the folders is a run"),
])
func badInput(arguments: [String], mention: String) throws {
    let outcome = try run(arguments)
    #expect(outcome.status == 1)
    #expect((outcome.error + outcome.output).contains(mention), "\(arguments): \(outcome.error)")
    #expect(!outcome.error.contains("Fatal error") && !outcome.error.contains("Stack dump"))
    // A runtime error is one message; the usage lines are for command-line mistakes.
    #expect(outcome.error.hasPrefix("Error: ") && !outcome.error.contains("Usage:") && !outcome.error.contains("--help"), "\(arguments): \(outcome.error)")
}

@Test("a command-line mistake gives the message, the usage and status 64", arguments: [
    ["train", "--stepz", "5"],
    ["train", "--steps", "many"],
    ["train", "--steps", "-3"],
    ["train", "--resume", "/tmp/run", "--seed", "2"],
])
func commandLineMistake(arguments: [String]) throws {
    let outcome = try run(arguments)
    #expect(outcome.status == 64)
    #expect(outcome.error.hasPrefix("Error: ") && outcome.error.contains("Usage: mtrl train"), "\(arguments): \(outcome.error)")
}

@Test("compare reads trained run folders: both groups, the paired table, a written report; a bad baseline lists the groups")
func compareRuns() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-cli-compare-\(UUID().uuidString)")
    for combiner in ["mean", "pcgrad"] {
        let train = try run([
            "train", "--suite", "mt1:reach", "--combiner", combiner, "--steps", "300", "--eval-every", "150", "--eval-episodes", "1",
            "--set", "warmup_steps=150", "--set", "checkpoint_every=150", "--set", "log_every=150", "--set", "hidden_sizes=[8]",
            "--set", "batch_size_per_task=4", "--set", "threads=1", "--run-dir", root.appendingPathComponent(combiner).path,
        ])
        #expect(train.status == 0, "\(train.error)")
    }
    let folders = ["mean", "pcgrad"].map { root.appendingPathComponent($0).path }
    let report = root.appendingPathComponent("study.md")
    let compare = try run(["compare"] + folders + ["--table", report.path])
    #expect(compare.status == 0, "\(compare.error)")
    #expect(compare.output.contains("at step 300") && compare.output.contains("| pcgrad ") && compare.output.contains("Paired by seed against mean"))
    #expect(try String(contentsOf: report, encoding: .utf8).contains("Seeds needed for a difference of 0.10"))
    let wrong = try run(["compare"] + folders + ["--baseline", "cagrad"])
    #expect(wrong.status == 1 && wrong.error.contains("no group is labelled 'cagrad'") && wrong.error.contains("mean, pcgrad"), "\(wrong.error)")
}
