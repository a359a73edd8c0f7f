import ArgumentParser
import Experiment
import Foundation
import Reporting

/// `mtrl plot RUN_DIR...`: draws the curves of runs as SVG (a large panel of the suite mean and a
/// small panel per task, or one task with `--task`), one line per group of runs (by combiner, or any
/// config keys), mean ± standard error over seeds; prints a Markdown table of final and best values.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot curves of run folders to SVG (suite mean and one panel per task; mean ± s.e. over seeds) and print a table.",
        discussion: """
            Examples:
              mtrl plot runs/mt10-*/ --out mt10.svg --table mt10.md
              mtrl plot runs/*/ --label hidden_sizes --task reach --out reach.svg
              mtrl plot runs/*/ --metric actor_conflict_fraction --out conflicts.svg
            Folders that are not runs, or have no complete row yet, are skipped with a warning.
            """)

    @Argument(help: "Run folders (each with config.yaml and eval.csv).")
    var runs: [String]

    @Option(help: "The SVG file to write.")
    var out: String = "success.svg"

    @Option(help: "Draw one task's curve (or 'mean') in a single panel instead of the mean and per-task panels.")
    var task: String?

    @Option(help: "What to plot: \(RunCurves.metrics.joined(separator: ", ")).")
    var metric: String = "success_rate"

    @Option(help: "Config key(s) grouping the runs into lines, comma-separated (e.g. combiner, hidden_sizes, seed, combiner,cagrad_c).")
    var label: String = "combiner"

    @Option(help: "Also write the table of final and best values to this Markdown file.")
    var table: String?

    @Option(help: "Title of the figure (default: the suite and the metric).")
    var title: String?

    func validate() throws {
        if runs.isEmpty { throw ValidationError("give at least one run folder") }
        if !RunCurves.metrics.contains(metric) { throw ValidationError("--metric must be one of \(RunCurves.metrics.joined(separator: ", ")), got '\(metric)'") }
        _ = try RunReports.labelKeys(label)
    }

    func run() throws {
        let curves = try RunReports.load(runs, metric: metric, label: label)
        if let task, task != RunCurves.meanTask, !curves.tasks.contains(task) {
            throw CommandFailure("--task '\(task)' is not in these runs; valid: \(([RunCurves.meanTask] + curves.tasks).joined(separator: ", "))")
        }
        let svg = task.map { curves.chart(task: $0, title: title).render() } ?? curves.panelChart(title: title).render()
        try RunReports.write(svg, to: out)
        let report = curves.report(task: task ?? RunCurves.meanTask)
        print(report)
        if let table { try RunReports.write(report, to: table) }
        print("wrote \(out)\(table.map { " and \($0)" } ?? ""): \(curves.groups.map { "\($0.label) (\($0.seeds.count) run\($0.seeds.count == 1 ? "" : "s"))" }.joined(separator: ", "))")
    }
}
