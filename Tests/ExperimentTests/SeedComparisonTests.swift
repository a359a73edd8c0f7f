import Experiment
import Foundation
import Testing

/// Three seeds of each of two combiners on two tasks; pcgrad seed 3 has one more evaluation (step 300),
/// past the budget all runs share.
private func studyRuns(_ name: String) throws -> [URL] {
    let root = scratchFolder(name)
    return [
        try syntheticRun(in: root, name: "m1", combiner: "mean", seed: 1, rows: [(100, [0.2, 0.2]), (200, [0.4, 0.4])]),
        try syntheticRun(in: root, name: "m2", combiner: "mean", seed: 2, rows: [(100, [0.6, 0.6]), (200, [0.2, 0.4])]),
        try syntheticRun(in: root, name: "m3", combiner: "mean", seed: 3, rows: [(100, [0.1, 0.1]), (200, [0.5, 0.5])]),
        try syntheticRun(in: root, name: "p1", seed: 1, rows: [(100, [0.4, 0.4]), (200, [0.6, 0.6])]),
        try syntheticRun(in: root, name: "p2", seed: 2, rows: [(100, [0.3, 0.3]), (200, [0.2, 0.2])]),
        try syntheticRun(in: root, name: "p3", seed: 3, rows: [(100, [0.5, 0.5]), (200, [0.7, 0.7]), (300, [1.0, 1.0])]),
    ]
}

@Test("each run's final and best at the budget all runs reached, and the groups' mean ± s.e.")
func perSeedScores() throws {
    let comparison = try SeedComparison(curves: RunCurves(folders: studyRuns("compare-scores")))
    #expect(comparison.step == 200 && comparison.baseline == "mean")
    #expect(comparison.groups.map(\.label) == ["mean", "pcgrad"])
    let mean = comparison.groups[0]
    // Seed 2's mean curve: 0.6 at step 100, 0.3 at step 200, so its best is the earlier step.
    let second = mean.runs[1]
    #expect(second.seed == 2 && abs(second.final - 0.3) < 1e-12 && second.best == 0.6 && second.bestStep == 100)
    #expect(abs(mean.final.mean - 0.4) < 1e-12)
    // Finals 0.4, 0.3, 0.5: sample variance 0.01, standard error sqrt(0.01 / 3).
    #expect(abs(mean.final.standardError! - (0.01 / 3).squareRoot()) < 1e-12)
    #expect(abs(mean.best.mean - 0.5) < 1e-12)
    // Seed 3 of pcgrad reached 1.0 at step 300, past the budget: neither final nor best sees it.
    let pcgrad = comparison.groups[1]
    #expect(pcgrad.runs[2] == SeedComparison.RunScore(seed: 3, final: 0.7, best: 0.7, bestStep: 200))
    #expect(abs(pcgrad.final.mean - 0.5) < 1e-12)
}

@Test("paired differences against the baseline, seed by seed, with wins and losses")
func pairedDifferences() throws {
    let comparison = try SeedComparison(curves: RunCurves(folders: studyRuns("compare-paired")))
    let paired = try #require(comparison.paired.first)
    #expect(comparison.paired.count == 1 && paired.label == "pcgrad" && paired.seeds == [1, 2, 3])
    // Finals: pcgrad 0.6, 0.2, 0.7 against mean 0.4, 0.3, 0.5.
    let expected = [0.2, -0.1, 0.2]
    #expect(zip(paired.finalDifferences, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(paired.finalWins == 2 && paired.finalLosses == 1)
    #expect(abs(paired.final!.mean - 0.1) < 1e-12)
    // Bests: pcgrad 0.6, 0.3, 0.7 against mean 0.4, 0.6, 0.5.
    #expect(zip(paired.bestDifferences, [0.2, -0.3, 0.2]).allSatisfy { abs($0 - $1) < 1e-12 })

    let againstPCGrad = try SeedComparison(curves: RunCurves(folders: studyRuns("compare-baseline")), baseline: "pcgrad")
    #expect(againstPCGrad.paired.map(\.label) == ["mean"])
    #expect(abs(againstPCGrad.paired[0].final!.mean + 0.1) < 1e-12)
}

@Test("pooled spreads and the seeds a difference needs (normal approximation)")
func seedsNeeded() throws {
    // n = 2 (1.96 + 0.84)^2 sigma^2 / d^2: 15.7 -> 16 independent, 7.85 -> 8 paired, at sigma = d.
    #expect(SeedComparison.seedsNeeded(standardDeviation: 0.1, difference: 0.1, paired: false) == 16)
    #expect(SeedComparison.seedsNeeded(standardDeviation: 0.1, difference: 0.1, paired: true) == 8)
    #expect(SeedComparison.seedsNeeded(standardDeviation: 0.05, difference: 0.1, paired: false) == 4)
    #expect(SeedComparison.seedsNeeded(standardDeviation: 0.001, difference: 0.1, paired: true) == 2)

    let comparison = try SeedComparison(curves: RunCurves(folders: studyRuns("compare-spread")))
    // Finals around their group means: mean 0.4 (0, -0.1, 0.1), pcgrad 0.5 (0.1, -0.3, 0.2):
    // squares 0.02 + 0.14 over 4 degrees of freedom.
    #expect(abs(comparison.pooledSpread(best: false)! - (0.16 / 4).squareRoot()) < 1e-12)
    // Paired final differences 0.2, -0.1, 0.2: sample variance 0.03.
    #expect(abs(comparison.pairedSpread(best: false)! - 0.03.squareRoot()) < 1e-12)
    let report = comparison.report(suite: "mt10")
    #expect(report.contains("at step 200") && report.contains("| pcgrad ") && report.contains("+0.100 ± 0.100"))
    #expect(report.contains("Seeds needed for a difference of 0.10"))

    // Per task: reach's finals are mean 0.4, 0.2, 0.5 and pcgrad 0.6, 0.2, 0.7.
    let perTask = try #require(try SeedComparison.perTaskReport(curves: RunCurves(folders: studyRuns("compare-per-task"))))
    #expect(perTask.contains("at step 200") && perTask.contains("| reach | 0.367 ± 0.088 | 0.500 ± 0.153 |"), "\(perTask)")
}

@Test("an unknown baseline or task names the valid ones; runs with no common step are an error")
func comparisonErrors() throws {
    let curves = try RunCurves(folders: studyRuns("compare-errors"))
    do {
        _ = try SeedComparison(curves: curves, baseline: "cagrad")
        Issue.record("an unknown baseline was accepted")
    } catch let error as ConfigError {
        #expect(error.description.contains("'cagrad'") && error.description.contains("mean, pcgrad"))
    }
    do {
        _ = try SeedComparison(curves: curves, task: "pick-place")
        Issue.record("an unknown task was accepted")
    } catch let error as ConfigError {
        #expect(error.description.contains("'pick-place'") && error.description.contains("reach, push"))
    }
    let root = scratchFolder("compare-disjoint")
    let disjoint = try RunCurves(folders: [
        syntheticRun(in: root, name: "a", combiner: "mean", seed: 1, rows: [(100, [0.2, 0.2])]),
        syntheticRun(in: root, name: "b", seed: 1, rows: [(200, [0.4, 0.4])]),
    ])
    #expect(throws: ConfigError.self) { _ = try SeedComparison(curves: disjoint) }
}
