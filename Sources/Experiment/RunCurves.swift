import Foundation
import Reporting

/// The evaluation curves of a set of run folders, grouped by combiner and aggregated over seeds.
public struct RunCurves: Sendable {
    /// One group of runs (same combiner): mean, min and max over its seeds at each evaluation step.
    public struct Group: Sendable {
        /// The group's label (the combiner's name).
        public var label: String
        /// The seeds in the group.
        public var seeds: [UInt64]
        /// (step, mean, min, max) at each step every run of the group evaluated.
        public var points: [(step: Int, mean: Double, low: Double, high: Double)]
    }

    /// The suite all the runs trained on.
    public let suite: String
    /// The groups, ordered by label.
    public let groups: [Group]
    /// Folders that were skipped, with the reason (shown as warnings).
    public let skipped: [String]

    /// The columns `mtrl plot` can draw: eval.csv's metrics, then train.csv's.
    public static var metrics: [String] {
        Array(RunFolder.evalHeader.split(separator: ",").dropFirst(3).map(String.init))
            + RunFolder.trainHeader.split(separator: ",").dropFirst(2).filter { $0 != "episodes" }.map(String.init)
    }

    /// Loads `folders`, reading `column` of task `task` from each run: eval.csv's columns
    /// (success_rate, mean_return; task `mean` is its mean row) or train.csv's (losses, temperature,
    /// entropy, training-episode success, conflict statistics; task `mean` averages the task rows).
    /// Folders that are not runs or have no complete row are skipped with a reason; runs of different
    /// suites are an error.
    public init(folders: [URL], task: String = "mean", column: String = "success_rate") throws {
        guard Self.metrics.contains(column) else {
            throw ConfigError(description: "unknown metric '\(column)'; valid: \(Self.metrics.joined(separator: ", "))")
        }
        let fromEval = RunFolder.evalHeader.split(separator: ",").contains(Substring(column))
        let header = fromEval ? RunFolder.evalHeader : RunFolder.trainHeader
        let columns = header.split(separator: ",").map(String.init)
        let columnIndex = columns.firstIndex(of: column)!
        var skipped = [String]()
        var runs = [(suite: String, combiner: String, seed: UInt64, curve: [Int: Double])]()
        for url in folders {
            let folder = RunFolder(url: url)
            guard folder.exists, let config = try? ExperimentConfig.load(file: folder.configFile) else {
                skipped.append("\(url.path): not a run folder (no readable config.yaml)")
                continue
            }
            let file = fromEval ? folder.evalFile : folder.trainFile
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                skipped.append("\(url.path): no \(file.lastPathComponent) yet")
                continue
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            guard lines.first.map(String.init) == header else {
                skipped.append("\(url.path): \(file.lastPathComponent) does not start with the expected header")
                continue
            }
            var sums = [Int: (total: Double, count: Int)]()
            let averageTasks = task == "mean" && !fromEval
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count == columns.count, averageTasks || fields[1] == task,
                      let step = Int(fields[0]), let value = Double(fields[columnIndex]) else { continue }
                sums[step, default: (0, 0)].total += value
                sums[step, default: (0, 0)].count += 1
            }
            let curve = sums.mapValues { $0.total / Double($0.count) }
            guard !curve.isEmpty else {
                skipped.append("\(url.path): \(file.lastPathComponent) has no complete row for task '\(task)'")
                continue
            }
            runs.append((config.suite, config.combiner.rawValue, config.seed, curve))
        }
        let suites = Set(runs.map(\.suite))
        guard suites.count <= 1 else {
            throw ConfigError(description: "the runs trained on different suites (\(suites.sorted().joined(separator: ", "))); plot one suite at a time")
        }
        guard let suite = suites.first else {
            throw ConfigError(description: "no run to plot" + (skipped.isEmpty ? "" : ": " + skipped.joined(separator: "; ")))
        }
        var groups = [Group]()
        for label in Set(runs.map(\.combiner)).sorted() {
            let members = runs.filter { $0.combiner == label }
            let common = members.dropFirst().reduce(Set(members[0].curve.keys)) { $0.intersection($1.curve.keys) }
            let points = common.sorted().map { step -> (step: Int, mean: Double, low: Double, high: Double) in
                let values = members.map { $0.curve[step]! }
                return (step, values.reduce(0, +) / Double(values.count), values.min()!, values.max()!)
            }
            groups.append(Group(label: label, seeds: members.map(\.seed).sorted(), points: points))
        }
        self.suite = suite
        self.groups = groups
        self.skipped = skipped
    }

    /// The curves as an SVG line chart (bands span the seeds).
    public func chart(title: String? = nil, yLabel: String = "mean success rate", yRange: ClosedRange<Double>? = 0...1) -> LineChart {
        let series = groups.map { group in
            LineChart.Series(
                name: "\(group.label) (\(group.seeds.count) seed\(group.seeds.count == 1 ? "" : "s"))",
                points: group.points.map { (Double($0.step), $0.mean) },
                band: group.seeds.count > 1 ? group.points.map { (Double($0.step), $0.low, $0.high) } : [])
        }
        let seeds = Set(groups.flatMap(\.seeds)).sorted().map(String.init).joined(separator: ", ")
        return LineChart(title: title ?? "\(suite): evaluation success over training", xLabel: "environment steps per task",
                         yLabel: yLabel, series: series, yRange: yRange, footnote: "line: mean over seeds (\(seeds)); band: min to max")
    }
}
