import Experiment
import Foundation
import Reporting
import Testing

@Test("seeds aggregate to mean ± standard error at the steps all of a group's runs reached")
func aggregation() throws {
    let root = scratchFolder("curves")
    let folders = [
        try syntheticRun(in: root, name: "a", seed: 1, rows: [(100, [0.2, 0.2]), (200, [0.6, 0.2])]),
        try syntheticRun(in: root, name: "b", seed: 2, rows: [(100, [0.4, 0.4]), (200, [0.8, 0.4]), (300, [0.9, 0.5])]),
        try syntheticRun(in: root, name: "c", seed: 3, rows: [(100, [0.9, 0.9]), (200, [1.0, 0.6])]),
        try syntheticRun(in: root, name: "d", combiner: "mean", seed: 1, rows: [(100, [0.1, 0.1]), (200, [0.3, 0.3])]),
    ]
    let curves = try RunCurves(folders: folders)
    #expect(curves.suite == "mt10")
    #expect(curves.tasks == ["reach", "push"])
    #expect(curves.groups.map(\.label) == ["mean", "pcgrad"])
    #expect(curves.warnings.isEmpty)

    let pcgrad = curves.groups[1]
    #expect(pcgrad.seeds == [1, 2, 3])
    let reach = pcgrad.points(task: "reach")
    #expect(reach.map(\.step) == [100, 200])
    // reach at step 100: 0.2, 0.4, 0.9 -> mean 0.5, sample variance 0.13, standard error sqrt(0.13 / 3).
    #expect(abs(reach[0].mean - 0.5) < 1e-12)
    #expect(abs(reach[0].standardError! - (0.13 / 3).squareRoot()) < 1e-12)
    // The mean curve is eval.csv's mean row: at step 200 the runs have 0.4, 0.6, 0.8.
    let mean = pcgrad.points()
    #expect(abs(mean[1].mean - 0.6) < 1e-12 && abs(mean[1].standardError! - (0.04 / 3).squareRoot()) < 1e-12)
    // A single run has no standard error.
    #expect(curves.groups[0].points().allSatisfy { $0.standardError == nil })
}

@Test("mean and standard error use the sample standard deviation; one value has no error")
func meanAndError() throws {
    let statistics = try #require(MeanAndError([1, 2, 3, 4]))
    #expect(statistics.mean == 2.5 && statistics.count == 4)
    #expect(abs(statistics.standardError! - (5.0 / 3 / 4).squareRoot()) < 1e-12)
    #expect(MeanAndError([7])?.standardError == nil)
    #expect(MeanAndError([]) == nil)
}

@Test("--label groups runs by any config key, or several; an unknown key lists the valid ones")
func labelGrouping() throws {
    let root = scratchFolder("curves-label")
    let folders = [
        try syntheticRun(in: root, name: "a", combiner: "pcgrad", seed: 2, hiddenSizes: [400, 400], rows: [(100, [0.2, 0.4])]),
        try syntheticRun(in: root, name: "b", combiner: "cagrad", seed: 10, hiddenSizes: [400, 400], rows: [(100, [0.6, 0.8])]),
        try syntheticRun(in: root, name: "c", combiner: "cagrad", seed: 2, hiddenSizes: [64], rows: [(100, [0.0, 0.2])]),
    ]
    let bySize = try RunCurves(folders: folders, labelKeys: ["hidden_sizes"])
    #expect(bySize.groups.map(\.label) == ["hidden_sizes=[64]", "hidden_sizes=[400, 400]"])
    #expect(bySize.groups[1].seeds == [2, 10])
    #expect(abs(bySize.groups[1].points()[0].mean - 0.5) < 1e-12)

    let bySeed = try RunCurves(folders: folders, labelKeys: ["seed"])
    #expect(bySeed.groups.map(\.label) == ["seed=2", "seed=10"])

    let byTwo = try RunCurves(folders: folders, labelKeys: try RunCurves.labelKeys(parsing: "combiner, seed"))
    #expect(byTwo.labelKeys == ["combiner", "seed"])
    #expect(byTwo.groups.map(\.label) == ["cagrad, seed=2", "cagrad, seed=10", "pcgrad, seed=2"])

    #expect(throws: ConfigError.self) { _ = try RunCurves.labelKeys(parsing: "hidden_size") }
    do {
        _ = try RunCurves(folders: folders, labelKeys: ["colour"])
        Issue.record("an unknown label key was accepted")
    } catch let error as ConfigError {
        #expect(error.description.contains("unknown label key 'colour'") && error.description.contains("hidden_sizes"))
    }
}

@Test("the table reports seeds, the last common step, final mean ± s.e. and the best step, for runs in progress too")
func summaryTable() throws {
    let root = scratchFolder("curves-table")
    let folders = [
        try syntheticRun(in: root, name: "a", seed: 1, rows: [(100, [0.2, 0.2]), (200, [0.8, 0.8]), (300, [0.4, 0.4])]),
        try syntheticRun(in: root, name: "b", seed: 2, rows: [(100, [0.4, 0.4]), (200, [0.6, 0.6])]),
        try syntheticRun(in: root, name: "c", combiner: "mean", seed: 5, rows: [(100, [0.1, 0.1]), (200, [0.5, 0.5]), (300, [0.3, 0.3])]),
    ]
    let curves = try RunCurves(folders: folders)
    let summaries = curves.summaries()
    #expect(summaries.map(\.label) == ["mean", "pcgrad"])
    let pcgrad = summaries[1]
    #expect(pcgrad.seeds == [1, 2])
    #expect(pcgrad.final?.step == 200)
    #expect(abs(pcgrad.final!.mean - 0.7) < 1e-12 && abs(pcgrad.final!.standardError! - 0.1) < 1e-12)
    #expect(pcgrad.best?.step == 200)
    #expect(summaries[0].final?.step == 300 && summaries[0].best?.step == 200 && summaries[0].best?.mean == 0.5)

    let table = curves.table()
    #expect(table.header.first == "combiner")
    #expect(table.rows[1] == ["pcgrad", "2 (1, 2)", "200", "0.700 ± 0.100", "0.700", "200"])
    #expect(table.rows[0] == ["mean", "1 (5)", "300", "0.300", "0.500", "200"])
    let report = curves.report()
    #expect(report.contains("| pcgrad ") && report.contains("Final step: the last step all of a group's runs reached"))
}

@Test("eval.csv that is empty, header-only or truncated: the run is skipped, or the half-written line ignored, with a warning")
func truncatedFiles() throws {
    let root = scratchFolder("curves-truncated")
    let good = try syntheticRun(in: root, name: "good", seed: 1, rows: [(100, [0.5, 0.5])])
    let headerOnly = try syntheticRun(in: root, name: "header-only", seed: 2, rows: [])
    let empty = try syntheticRun(in: root, name: "empty", seed: 3, rows: [])
    try "".write(to: empty.appendingPathComponent("eval.csv"), atomically: true, encoding: .utf8)
    let cutHeader = try syntheticRun(in: root, name: "cut-header", seed: 4, rows: [])
    try "step,task,epis".write(to: cutHeader.appendingPathComponent("eval.csv"), atomically: true, encoding: .utf8)
    // Killed mid-line: the row "300,mean,10,0.9,100" stopped after "1", which still parses as five fields.
    let halfWritten = try syntheticRun(in: root, name: "half", seed: 5, rows: [(100, [0.3, 0.3]), (200, [0.9, 0.9])], tail: "300,mean,10,0.9,1")
    let noEval = try syntheticRun(in: root, name: "no-eval", seed: 6, rows: [])
    try FileManager.default.removeItem(at: noEval.appendingPathComponent("eval.csv"))
    let notRun = root.appendingPathComponent("not-a-run")
    try FileManager.default.createDirectory(at: notRun, withIntermediateDirectories: true)
    let brokenConfig = try syntheticRun(in: root, name: "broken-config", seed: 7, rows: [(100, [0.5, 0.5])])
    try "steps: [oops".write(to: brokenConfig.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)

    let curves = try RunCurves(folders: [good, headerOnly, empty, cutHeader, halfWritten, noEval, notRun, brokenConfig])
    #expect(curves.groups.count == 1 && curves.groups[0].seeds == [1, 5])
    #expect(curves.groups[0].points().map(\.step) == [100])
    let warnings = curves.warnings.joined(separator: "\n")
    #expect(warnings.contains("header-only: eval.csv has no complete row yet"))
    #expect(warnings.contains("empty: eval.csv is empty"))
    #expect(warnings.contains("cut-header: eval.csv does not start with the header"))
    #expect(warnings.contains("half: ignored the half-written last line of eval.csv"))
    #expect(warnings.contains("no-eval: no readable eval.csv yet"))
    #expect(warnings.contains("not-a-run: not a run folder"))
    #expect(warnings.contains("broken-config: not a readable run folder"))

    let alone = try RunCurves(folders: [halfWritten])
    #expect(alone.groups[0].points().map(\.step) == [100, 200])
}

@Test("runs of different suites are one error naming both; nothing to plot is an error")
func mixedSuites() throws {
    let root = scratchFolder("curves-suites")
    let mt10 = try syntheticRun(in: root, name: "ten", seed: 1, rows: [(100, [0.5, 0.5])])
    let mt50 = try syntheticRun(in: root, name: "fifty", suite: "mt50", seed: 1, rows: [(100, [0.5, 0.5])])
    do {
        _ = try RunCurves(folders: [mt10, mt50])
        Issue.record("mixed suites were accepted")
    } catch let error as ConfigError {
        #expect(error.description.contains("different suites") && error.description.contains("mt10 (ten)") && error.description.contains("mt50 (fifty)"))
    }
    #expect(throws: ConfigError.self) { _ = try RunCurves(folders: [root.appendingPathComponent("missing")]) }
}

@Test("train.csv metrics: per-task curves, and a mean that averages the task rows of a step")
func trainMetrics() throws {
    let root = scratchFolder("curves-train")
    let folder = try syntheticRun(in: root, name: "run", combiner: "cagrad", seed: 1, rows: [(100, [0.5, 0.5])])
    let rows = [RunFolder.trainHeader, "150,reach,1,2,0.5,-4,1,0,0.2,0.1,0.4,0.3", "150,push,3,2,0.5,-4,1,,0.6,0.1,0.4,0.3", "300,reach,5,2,0.5,-4,1,1,0.6,0.1,0.4,0.3"]
    try (rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
    let loss = try RunCurves(folders: [folder], column: "critic_loss")
    #expect(loss.tasks == ["reach", "push"])
    #expect(loss.groups[0].points().map(\.step) == [150, 300])
    #expect(loss.groups[0].points().map(\.mean) == [2, 5])
    #expect(loss.groups[0].points(task: "push").map(\.mean) == [3])
    let success = try RunCurves(folders: [folder], column: "episode_success_rate")
    #expect(success.groups[0].points().map(\.mean) == [0, 1])
    let conflicts = try RunCurves(folders: [folder], column: "actor_conflict_fraction")
    #expect(zip(conflicts.groups[0].points().map(\.mean), [0.4, 0.6]).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(conflicts.naturalYRange == 0...1 && loss.naturalYRange == nil)
    #expect(throws: ConfigError.self) { _ = try RunCurves(folders: [folder], column: "nonsense") }
}
