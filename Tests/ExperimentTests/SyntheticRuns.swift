import Experiment
import Foundation

/// A fresh empty folder under the temporary directory for one test.
func scratchFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-\(name)-\(UUID().uuidString)")
}

/// Writes a run folder the way `mtrl train` leaves it for plotting: config.yaml (from the config's own
/// YAML writer) and an eval.csv with one row per task and step plus the `mean` row (the tasks' mean).
/// `tail` is appended verbatim after the last complete line (to imitate a half-written line).
@discardableResult
func syntheticRun(
    in root: URL, name: String, suite: String = "mt10", combiner: String = "pcgrad", seed: UInt64, hiddenSizes: [Int] = [256, 256, 256],
    tasks: [String] = ["reach", "push"], rows: [(step: Int, values: [Double])], tail: String = ""
) throws -> URL {
    var config = ExperimentConfig()
    config.suite = suite
    try config.apply(assignment: "combiner=\(combiner)")
    config.seed = seed
    config.hiddenSizes = hiddenSizes
    let folder = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try config.yaml().write(to: folder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    var lines = [RunFolder.evalHeader]
    for row in rows {
        for (task, value) in zip(tasks, row.values) { lines.append("\(row.step),\(task),10,\(value),100") }
        lines.append("\(row.step),mean,10,\(row.values.reduce(0, +) / Double(row.values.count)),100")
    }
    try (lines.joined(separator: "\n") + "\n" + tail).write(to: folder.appendingPathComponent("eval.csv"), atomically: true, encoding: .utf8)
    return folder
}
