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

@Test("a generated Slurm job array trains a tiny two-suite sweep on the cluster",
      .enabled(if: slurmAnswers, "needs sbatch and a running Slurm controller (scontrol ping)"),
      .enabled(if: mtrlBinary() != nil, "needs the mtrl binary built next to the tests"))
func slurmSweep() throws {
    let output = scratchFolder("slurm-sweep")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let base = tinySweepConfig()
    let configFile = output.appendingPathComponent("tiny.yaml")
    try base.yaml().write(to: configFile, atomically: true, encoding: .utf8)

    let suites = ["mt1:reach", "mt1:push"]
    let plan = try SweepPlan(base: base, suites: suites, combiners: [.mean, .pcgrad], seeds: [1], output: output)
    let arguments = ["sweep", "--suites", suites.joined(separator: ","), "--combiners", "mean,pcgrad", "--seeds", "1", "--out", output.path, "--config", configFile.path]
    let script = output.appendingPathComponent("array.sh")
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
}
