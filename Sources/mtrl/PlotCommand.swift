import ArgumentParser
import Experiment
import Foundation
import Reporting

/// `mtrl plot RUN_DIR...`: draws the success-rate curves of runs, one line per combiner, averaged
/// over seeds with a min-max band, as an SVG file.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot evaluation curves of run folders (one line per combiner, band over seeds) to SVG.")

    @Argument(help: "Run folders (each with config.yaml and eval.csv).")
    var runs: [String]

    @Option(help: "The SVG file to write.")
    var out: String = "success.svg"

    @Option(help: "Plot one task's curve instead of the mean over tasks.")
    var task: String = "mean"

    @Option(help: "What to plot: \(RunCurves.metrics.joined(separator: ", ")).")
    var metric: String = "success_rate"

    @Option(help: "Title of the figure (default: the suite).")
    var title: String?

    func validate() throws {
        if runs.isEmpty { throw ValidationError("give at least one run folder") }
        if !RunCurves.metrics.contains(metric) { throw ValidationError("--metric must be one of \(RunCurves.metrics.joined(separator: ", ")), got '\(metric)'") }
    }

    func run() throws {
        do {
            let curves = try RunCurves(folders: runs.map { URL(fileURLWithPath: $0) }, task: task, column: metric)
            for warning in curves.skipped { FileHandle.standardError.write(Data("warning: skipped \(warning)\n".utf8)) }
            let isRate = metric.hasSuffix("success_rate") || metric.hasSuffix("conflict_fraction")
            let label = metric.replacingOccurrences(of: "_", with: " ")
            let chart = curves.chart(title: title ?? "\(curves.suite): \(label) over training", yLabel: task == "mean" ? label : "\(task) \(label)", yRange: isRate ? 0...1 : nil)
            try AtomicFile.write(chart.render(), to: URL(fileURLWithPath: out))
            print("wrote \(out): \(curves.groups.map { "\($0.label) (\($0.seeds.count) runs)" }.joined(separator: ", "))")
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }
}
