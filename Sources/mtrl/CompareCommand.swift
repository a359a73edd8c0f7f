import ArgumentParser
import Experiment
import Foundation

/// `mtrl compare RUN_DIR...`: the study's numbers. Every run's final and best-over-training success at
/// the budget all runs reached, each group's mean ± standard error, the paired per-seed differences
/// against a baseline group, the seeds a difference of a given size needs at the measured spread, and
/// every task's final success per group.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare groups of runs seed by seed: final and best success (mean ± s.e.), paired differences, seeds needed.",
        discussion: """
            Examples:
              mtrl compare runs/mt10-study/mt10-*/ --table study.md
              mtrl compare runs/sweep/*/ --baseline pcgrad --task push
              mtrl compare runs/*/ --label critic_layer_norm --baseline critic_layer_norm=false
            Runs are grouped as by `mtrl plot --label` and compared at the last step every run reached.
            """)

    @Argument(help: "Run folders (each with config.yaml and eval.csv).")
    var runs: [String]

    @Option(help: "Config key(s) grouping the runs, comma-separated, as in `mtrl plot`.")
    var label: String = "combiner"

    @Option(help: "The group the others are paired against (default: 'mean' if present, else the first group).")
    var baseline: String?

    @Option(help: "Compare one task's success instead of the suite mean.")
    var task: String = RunCurves.meanTask

    @Option(help: "The difference in success rate the seed-count table is computed for (0 < d <= 1).")
    var difference: Double = 0.1

    @Option(help: "Also write the report to this Markdown file.")
    var table: String?

    func validate() throws {
        if runs.isEmpty { throw ValidationError("give at least one run folder") }
        if !(difference > 0 && difference <= 1) { throw ValidationError("--difference must be in (0, 1], got \(difference)") }
        _ = try RunReports.labelKeys(label)
    }

    func run() throws {
        let curves = try RunReports.load(runs, label: label)
        let comparison = try SeedComparison(curves: curves, task: task, baseline: baseline)
        var report = comparison.report(suite: curves.suite, difference: difference)
        if task == RunCurves.meanTask, let perTask = try SeedComparison.perTaskReport(curves: curves) { report += "\n" + perTask }
        print(report, terminator: "")
        if let table {
            try RunReports.write(report, to: table)
            print("wrote \(table)")
        }
    }
}
