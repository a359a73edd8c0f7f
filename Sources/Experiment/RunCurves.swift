import Foundation
import Reporting

/// The curves of a set of run folders: one column of eval.csv or train.csv, for the suite mean and for
/// every task, grouped by config keys (the combiner by default) and aggregated over each group's runs
/// as mean ± standard error at the steps all of the group's runs reached. Runs still in progress are
/// fine: a group's curves end at the last step all of its runs have.
public struct RunCurves: Sendable {
    /// A group's aggregate at one step.
    public struct Point: Sendable, Equatable {
        /// Environment steps per task.
        public var step: Int
        /// Mean over the group's runs.
        public var mean: Double
        /// Standard error of that mean (sample std / sqrt(n)); nil for a group of one run.
        public var standardError: Double?
    }

    /// One run's own curves (before aggregation), for per-seed statistics (`SeedComparison`).
    public struct Run: Sendable {
        /// The run folder.
        public var folder: URL
        /// The run's seed.
        public var seed: UInt64
        /// Value by step for each task, and for the suite mean under `RunCurves.meanTask`.
        public var curves: [String: [Int: Double]]
    }

    /// The runs sharing one label, with their aggregated curves.
    public struct Group: Sendable {
        /// The label: the values of the grouping keys (`pcgrad`, `seed=2`, `pcgrad, hidden_sizes=[400]`).
        public var label: String
        /// The aggregated curve of each task, and of the suite mean under `RunCurves.meanTask`.
        public var curves: [String: [Point]]
        /// The group's runs, ordered by seed.
        public var runs: [Run]

        /// The seed of each run in the group, sorted (repeats when runs differ in a key not grouped by).
        public var seeds: [UInt64] { runs.map(\.seed) }

        /// The aggregated curve of `task` (empty when the group's runs share no step of it).
        public func points(task: String = RunCurves.meanTask) -> [Point] { curves[task] ?? [] }
    }

    /// What a table reports for one group.
    public struct Summary: Sendable {
        /// The group's label.
        public var label: String
        /// The group's seeds.
        public var seeds: [UInt64]
        /// The aggregate at the last step all of the group's runs reached (nil when they share none).
        public var final: Point?
        /// The step where the group's mean curve is highest (the earliest such step on ties).
        public var best: Point?
    }

    /// The name under which the suite's mean curve is kept (eval.csv's `mean` rows; for train.csv
    /// metrics the mean of the task rows of each step).
    public static let meanTask = "mean"

    /// The suite all the runs trained on.
    public let suite: String
    /// The plotted column.
    public let metric: String
    /// The config keys the runs are grouped by.
    public let labelKeys: [String]
    /// The suite's tasks, in the order the runs' CSV files list them.
    public let tasks: [String]
    /// The groups, in natural order of their labels (seed=2 before seed=10).
    public let groups: [Group]
    /// Skipped folders and ignored lines, one sentence each (shown as warnings).
    public let warnings: [String]

    /// The columns `mtrl plot` can draw: eval.csv's metrics, then train.csv's.
    public static var metrics: [String] { evalMetrics + trainMetrics }

    static var evalMetrics: [String] { RunFolder.evalHeader.split(separator: ",").dropFirst(3).map(String.init) }
    static var trainMetrics: [String] { RunFolder.trainHeader.split(separator: ",").dropFirst(2).filter { $0 != "episodes" }.map(String.init) }

    /// Splits a comma-separated list of config keys (`--label`), checking each against the key table.
    public static func labelKeys(parsing text: String) throws -> [String] {
        let keys = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !keys.isEmpty else {
            throw ConfigError(description: "--label needs one or more config keys, comma-separated; valid keys: \(ExperimentConfig.keyNames.joined(separator: ", "))")
        }
        for key in keys where !ExperimentConfig.keyNames.contains(key) {
            throw ConfigError(description: "unknown label key '\(key)'; valid keys: \(ExperimentConfig.keyNames.joined(separator: ", "))")
        }
        return keys
    }

    /// Loads `folders`, reading `column`: eval.csv's (success_rate, mean_return) or train.csv's (losses,
    /// temperature, entropy, training-episode success, conflict statistics), and groups the runs by the
    /// config keys `labelKeys`. Folders that are not runs, or whose CSV file is missing, empty or has no
    /// complete row, are skipped with a warning, as is a half-written last line. Runs of different suites,
    /// an unknown column or key, and nothing left to plot are errors.
    public init(folders: [URL], column: String = "success_rate", labelKeys: [String] = ["combiner"]) throws {
        guard Self.metrics.contains(column) else {
            throw ConfigError(description: "unknown metric '\(column)'; valid: \(Self.metrics.joined(separator: ", "))")
        }
        let keys = try Self.labelKeys(parsing: labelKeys.joined(separator: ",")).map { name in ExperimentConfig.keys.first { $0.name == name }! }
        var warnings = [String]()
        var runs = [LoadedRun]()
        for url in folders {
            do {
                runs.append(try LoadedRun(url: url, column: column, keys: keys, warnings: &warnings))
            } catch {
                warnings.append("skipped \(url.path): \(error.reason)")
            }
        }
        let bySuite = Dictionary(grouping: runs, by: \.suite)
        guard bySuite.count <= 1 else {
            let listing = bySuite.keys.sorted().map { suite in
                let names = bySuite[suite]!.map(\.url.lastPathComponent)
                let more = names.count > 3 ? " and \(names.count - 3) more" : ""
                return "\(suite) (\(names.prefix(3).joined(separator: ", "))\(more))"
            }
            throw ConfigError(description: "the runs trained on different suites: \(listing.joined(separator: "; ")); plot one suite at a time")
        }
        guard let suite = bySuite.keys.first else {
            throw ConfigError(description: "none of the folders is a run with results" + (warnings.isEmpty ? "" : ": " + warnings.joined(separator: "; ")))
        }
        var tasks = [String]()
        for run in runs { tasks += run.taskOrder.filter { !tasks.contains($0) } }

        let byLabel = Dictionary(grouping: runs, by: \.label)
        let labels = byLabel.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        groups = labels.map { label in
            let members = byLabel[label]!
            var curves = [String: [Point]]()
            for task in [Self.meanTask] + tasks { curves[task] = Self.aggregate(members.map { $0.curves[task] ?? [:] }) }
            let runs = members.map { Run(folder: $0.url, seed: $0.seed, curves: $0.curves) }.sorted { $0.seed < $1.seed }
            return Group(label: label, curves: curves, runs: runs)
        }
        for group in groups where group.points().isEmpty {
            warnings.append("group '\(group.label)': its runs share no step, so it has no curve")
        }
        self.suite = suite
        self.metric = column
        self.labelKeys = keys.map(\.name)
        self.tasks = tasks
        self.warnings = warnings
    }

    /// Mean ± standard error over `curves` at each step all of them have, in step order.
    static func aggregate(_ curves: [[Int: Double]]) -> [Point] {
        guard let first = curves.first else { return [] }
        let common = curves.dropFirst().reduce(Set(first.keys)) { $0.intersection($1.keys) }
        return common.sorted().map { step in
            let statistics = MeanAndError(curves.map { $0[step]! })!
            return Point(step: step, mean: statistics.mean, standardError: statistics.standardError)
        }
    }

    /// Final and best values of each group for `task` (the suite mean by default).
    public func summaries(task: String = RunCurves.meanTask) -> [Summary] {
        groups.map { group in
            let points = group.points(task: task)
            return Summary(label: group.label, seeds: group.seeds, final: points.last, best: points.max { $0.mean < $1.mean })
        }
    }
}

/// One run folder's curves, read from its config and CSV file.
private struct LoadedRun {
    /// The folder.
    let url: URL
    /// Its suite.
    let suite: String
    /// Its group label.
    let label: String
    /// Its seed.
    let seed: UInt64
    /// Value by step, by task, plus the mean curve under `RunCurves.meanTask`.
    let curves: [String: [Int: Double]]
    /// The tasks in the order the file lists them.
    let taskOrder: [String]

    /// Reads the run at `url`; throws `Skip` when there is nothing usable, and appends a warning
    /// when a half-written last line or malformed rows were ignored.
    init(url: URL, column: String, keys: [ConfigKey], warnings: inout [String]) throws(Skip) {
        let folder = RunFolder(url: url)
        guard folder.exists else { throw Skip(reason: "not a run folder (no config.yaml)") }
        let config: ExperimentConfig
        do {
            config = try ExperimentConfig.load(runConfig: folder.configFile)
        } catch {
            throw Skip(reason: "not a readable run folder (\(error))")
        }
        let fromEval = RunCurves.evalMetrics.contains(column)
        let file = fromEval ? folder.evalFile : folder.trainFile
        let header = fromEval ? RunFolder.evalHeader : RunFolder.trainHeader
        let name = file.lastPathComponent
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { throw Skip(reason: "no readable \(name) yet") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw Skip(reason: "\(name) is empty") }
        guard lines[0] == header else { throw Skip(reason: "\(name) does not start with the header '\(header)' (truncated or not written by mtrl)") }
        if !text.hasSuffix("\n"), lines.count > 1 {
            lines.removeLast()
            warnings.append("\(url.path): ignored the half-written last line of \(name) (run in progress or stopped)")
        }
        let columns = header.split(separator: ",")
        let columnIndex = columns.firstIndex(of: Substring(column))!
        var curves = [String: [Int: Double]]()
        var order = [String]()
        var malformed = 0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns.count, let step = Int(fields[0]), !fields[1].isEmpty else {
                malformed += 1
                continue
            }
            // An empty or non-finite cell is a window without that value (no episode ended, say).
            guard let value = Double(fields[columnIndex]), value.isFinite else { continue }
            let task = String(fields[1])
            if curves[task] == nil && task != RunCurves.meanTask { order.append(task) }
            curves[task, default: [:]][step] = value
        }
        if malformed > 0 { warnings.append("\(url.path): ignored \(malformed) malformed line(s) of \(name)") }
        if !fromEval {
            var sums = [Int: (total: Double, count: Int)]()
            for task in order {
                for (step, value) in curves[task]! {
                    sums[step, default: (0, 0)].total += value
                    sums[step, default: (0, 0)].count += 1
                }
            }
            curves[RunCurves.meanTask] = sums.mapValues { $0.total / Double($0.count) }
        }
        guard !(curves[RunCurves.meanTask] ?? [:]).isEmpty else { throw Skip(reason: "\(name) has no complete row yet") }
        self.url = url
        self.suite = config.suite
        self.label = keys.map { $0.name == "combiner" ? $0.render(config) : "\($0.name)=\($0.render(config))" }.joined(separator: ", ")
        self.seed = config.seed
        self.curves = curves
        self.taskOrder = order
    }
}

/// Why a folder is left out of a plot.
private struct Skip: Error {
    /// One sentence, shown after the folder's path.
    let reason: String
}

extension RunCurves {
    /// The metric in words (`success rate`, `critic mean cosine`).
    public var metricName: String { metric.replacingOccurrences(of: "_", with: " ") }

    /// 0...1 for rates and fractions, nil (fit the data) for everything else.
    public var naturalYRange: ClosedRange<Double>? {
        metric.hasSuffix("success_rate") || metric.hasSuffix("conflict_fraction") ? 0...1 : nil
    }

    /// What the lines and bands show, and each group's seeds: the figures' footnote.
    public var footnote: String {
        let seeds = groups.map { "\($0.label): \($0.seeds.map(String.init).joined(separator: ", "))" }.joined(separator: "; ")
        return "Lines: mean over a group's runs at the steps all of them reached; bands: mean ± one standard error "
            + "(sample std / sqrt(n)), none for a single run.\nSeeds: \(seeds)."
    }

    /// One line per group for `task`, styled by the group's position so it looks the same in every panel.
    public func series(task: String = RunCurves.meanTask) -> [LineChart.Series] {
        groups.enumerated().map { index, group in
            let points = group.points(task: task)
            let runs = "\(group.seeds.count) seed\(group.seeds.count == 1 ? "" : "s")"
            return LineChart.Series(
                name: "\(group.label) (\(runs))",
                points: points.map { (Double($0.step), $0.mean) },
                band: points.compactMap { point in point.standardError.map { (Double(point.step), point.mean - $0, point.mean + $0) } },
                style: .at(index))
        }
    }

    /// The x range of the figures: from step 0 to the last step any group reached.
    var stepRange: ClosedRange<Double>? {
        let last = groups.flatMap { group in group.curves.values.compactMap { $0.last?.step } }.max()
        return last.map { 0...Double(max($0, 1)) }
    }

    /// A single-panel chart of one task's curve (or the suite mean).
    public func chart(task: String = RunCurves.meanTask, title: String? = nil) -> LineChart {
        let yLabel = task == Self.meanTask ? "\(metricName), mean over tasks" : "\(task): \(metricName)"
        return LineChart(
            title: title ?? "\(suite): \(task == Self.meanTask ? "" : task + " ")\(metricName) over training",
            xLabel: "environment steps per task", yLabel: yLabel, series: series(task: task),
            xRange: stepRange, yRange: naturalYRange, footnote: footnote)
    }

    /// The default figure: a large panel of the suite mean and a small panel per task (none for a
    /// one-task suite, whose mean is that task).
    public func panelChart(title: String? = nil) -> PanelChart {
        let overviewTitle = tasks.count > 1 ? "mean over the \(tasks.count) tasks" : "mean"
        return PanelChart(
            title: title ?? "\(suite): \(metricName) over training",
            overview: PanelChart.Panel(title: overviewTitle, series: series()),
            panels: tasks.count > 1 ? tasks.map { PanelChart.Panel(title: $0, series: series(task: $0)) } : [],
            xLabel: "environment steps per task", yLabel: metricName, xRange: stepRange, yRange: naturalYRange, footnote: footnote)
    }

    /// Final and best values per group for `task`, as a Markdown table.
    public func table(task: String = RunCurves.meanTask) -> MarkdownTable {
        let what = task == Self.meanTask ? metricName : "\(task) \(metricName)"
        let header = [labelKeys.joined(separator: ", "), "seeds", "final step", "final \(what) (mean ± s.e.)", "best mean \(what)", "best at step"]
        let rows = summaries(task: task).map { summary -> [String] in
            let seeds = "\(summary.seeds.count) (\(summary.seeds.map(String.init).joined(separator: ", ")))"
            guard let final = summary.final, let best = summary.best else { return [summary.label, seeds, "none in common", "–", "–", "–"] }
            let error = final.standardError.map { " ± " + Self.format($0) } ?? ""
            return [summary.label, seeds, String(final.step), Self.format(final.mean) + error, Self.format(best.mean), String(best.step)]
        }
        return MarkdownTable(header: header, rows: rows)
    }

    /// The table with a heading and a note on what "final" and "best" mean: what `mtrl plot` prints and
    /// writes with `--table`.
    public func report(task: String = RunCurves.meanTask) -> String {
        let scope = task == Self.meanTask ? "mean over tasks" : "task \(task)"
        return "## \(suite): \(metricName) (\(scope))\n\n" + table(task: task).render() + "\n"
            + "Final step: the last step all of a group's runs reached (runs still in progress end earlier). "
            + "± is one standard error over the group's runs (sample std / sqrt(n)); none for a single run. "
            + "Best: the highest value of the group's mean curve, and its step.\n"
    }

    /// A value with three decimals.
    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
