import Foundation
import Testing

/// A run of `mtrl train` the test talks to: its output is read as it comes, and signals are sent to it.
private final class TrainingProcess {
    let process = Process()
    private let output = Pipe(), error = Pipe()
    private(set) var printed = ""
    private(set) var warned = ""

    init(_ arguments: [String]) throws {
        process.executableURL = mtrlBinary()
        process.arguments = ["train"] + arguments
        process.standardOutput = output
        process.standardError = error
        try process.run()
    }

    /// Reads standard output until it contains `marker` (true) or ends (false).
    func waitForOutput(_ marker: String) -> Bool {
        while !printed.contains(marker) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { return false }
            printed += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    /// Reads standard error until it contains `marker` (true) or ends (false).
    func waitForWarning(_ marker: String) -> Bool {
        while !warned.contains(marker) {
            let data = error.fileHandleForReading.availableData
            if data.isEmpty { return false }
            warned += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Reads the rest of both outputs and waits for the end.
    func finish() {
        printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        warned += String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
    }
}

/// MT10 with a small network: long enough (3,000 steps) for signals to land mid-run; train.csv rows and
/// checkpoints every 1,500 steps, so most episode boundaries lie inside a log window.
private func signalRunArguments(_ folder: URL) -> [String] {
    ["--suite", "mt10", "--combiner", "mean", "--steps", "3000", "--eval-every", "300", "--eval-episodes", "1",
     "--set", "warmup_steps=150", "--set", "checkpoint_every=1500", "--set", "log_every=1500", "--set", "hidden_sizes=[64,64]",
     "--set", "replay_capacity_per_task=5000", "--set", "blas_threads=1", "--run-dir", folder.path]
}

private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

@Test("Ctrl-C stops a real run at an episode boundary with a checkpoint and status 75; a second Ctrl-C stops it at once; the resumed run writes the uninterrupted rows")
func interruptAndResume() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-signals-\(UUID().uuidString)")
    let whole = root.appendingPathComponent("whole"), stopped = root.appendingPathComponent("stopped")
    let uninterrupted = try TrainingProcess(signalRunArguments(whole))
    uninterrupted.finish()
    try #require(uninterrupted.process.terminationStatus == 0, "\(uninterrupted.warned)")

    // One Ctrl-C once the run is evaluating: it finishes the episode, checkpoints and exits with 75.
    let first = try TrainingProcess(signalRunArguments(stopped))
    try #require(first.waitForOutput("Evaluation at step 300"))
    first.send(SIGINT)
    first.finish()
    #expect(first.process.terminationReason == .exit && first.process.terminationStatus == 75, "\(first.printed)\(first.warned)")
    #expect(first.warned.contains("Stopping at the end of this episode"))
    #expect(first.printed.contains("Interrupted by SIGINT at step") && first.printed.contains("Continue with: mtrl train --resume \(stopped.path)"))

    // Two Ctrl-C: the second, sent once the first is acknowledged, ends the process at once (unless the
    // episode ended in between, when it stopped cleanly and the next attempt tries again).
    var killed = false
    var attempts = [String]()
    for _ in 0..<5 where !killed {
        let checkpoint = try Data(contentsOf: stopped.appendingPathComponent("checkpoint.bin"))
        let resumed = try TrainingProcess(["--resume", stopped.path])
        guard resumed.waitForOutput("Evaluation at step") else { resumed.finish(); break }
        resumed.send(SIGINT)
        #expect(resumed.waitForWarning("press Ctrl-C again"))
        resumed.send(SIGINT)
        resumed.finish()
        attempts.append("\(resumed.process.terminationReason == .exit ? "exit" : "signal") \(resumed.process.terminationStatus): \(resumed.warned)")
        if resumed.process.terminationReason == .uncaughtSignal {
            killed = true
            #expect(resumed.process.terminationStatus == SIGINT)
            #expect(resumed.warned.contains("Stopped at once; the last checkpoint is intact"))
            #expect(try Data(contentsOf: stopped.appendingPathComponent("checkpoint.bin")) == checkpoint)
        } else {
            #expect(resumed.process.terminationStatus == 75, "\(resumed.warned)")
        }
    }
    #expect(killed, "no second Ctrl-C stopped the run at once: \(attempts)")

    let last = try TrainingProcess(["--resume", stopped.path])
    last.finish()
    #expect(last.process.terminationStatus == 0, "\(last.warned)")
    for file in ["eval.csv", "train.csv"] {
        #expect(try text(stopped.appendingPathComponent(file)) == text(whole.appendingPathComponent(file)), "\(file) differs")
    }
}
