import Foundation
import Reporting

/// The per-seed comparison of groups of runs (one group per combiner, say) at one budget: both success
/// metrics of the literature for every run, their mean ± standard error over seeds, the paired
/// differences against a baseline group over the seeds both groups ran, and how many seeds a given
/// difference needs at the measured spread. What `mtrl compare` prints.
///
/// The budget is the last step every run of every group reached, so all groups are compared at the same
/// step even while some runs are still going. "Final" is a run's value at that step; "best" is the
/// highest value of the run's own curve up to it (the CAGrad paper's "best average over training").
public struct SeedComparison: Sendable {
    /// One run's two metrics.
    public struct RunScore: Sendable, Equatable {
        /// The run's seed.
        public var seed: UInt64
        /// Its value at the comparison step.
        public var final: Double
        /// The highest value of its curve at or before the comparison step.
        public var best: Double
        /// The step of that highest value (the earliest on ties).
        public var bestStep: Int

        /// A run's scores as given.
        public init(seed: UInt64, final: Double, best: Double, bestStep: Int) {
            self.seed = seed
            self.final = final
            self.best = best
            self.bestStep = bestStep
        }
    }

    /// A group's runs and their summaries.
    public struct GroupScores: Sendable {
        /// The group's label (the combiner, by default).
        public var label: String
        /// Every run of the group, ordered by seed.
        public var runs: [RunScore]
        /// Mean ± standard error of the runs' final values.
        public var final: MeanAndError
        /// Mean ± standard error of the runs' best values.
        public var best: MeanAndError
    }

    /// One group against the baseline, seed by seed.
    public struct PairedDifference: Sendable {
        /// The group compared.
        public var label: String
        /// The seeds both it and the baseline ran (a seed that repeats in either group is left out).
        public var seeds: [UInt64]
        /// Group minus baseline in final value, seed by seed (in `seeds` order).
        public var finalDifferences: [Double]
        /// Group minus baseline in best value, seed by seed.
        public var bestDifferences: [Double]

        /// Mean ± standard error of the final differences (nil without a shared seed).
        public var final: MeanAndError? { MeanAndError(finalDifferences) }
        /// Mean ± standard error of the best differences.
        public var best: MeanAndError? { MeanAndError(bestDifferences) }
        /// Seeds where the group's final value is higher than the baseline's.
        public var finalWins: Int { finalDifferences.filter { $0 > 0 }.count }
        /// Seeds where it is lower.
        public var finalLosses: Int { finalDifferences.filter { $0 < 0 }.count }
    }

    /// The task or suite mean compared (`RunCurves.meanTask` for the suite mean).
    public let task: String
    /// The step every run reached: the budget of the comparison.
    public let step: Int
    /// The label of the baseline group.
    public let baseline: String
    /// Every group, in the curves' order.
    public let groups: [GroupScores]
    /// Every group but the baseline, against it.
    public let paired: [PairedDifference]

    /// Compares the groups of `curves` on `task` against the group labelled `baseline` (nil: the group
    /// labelled `mean` if there is one, else the first). Errors name the valid labels, or the run that
    /// shares no step with the others.
    public init(curves: RunCurves, task: String = RunCurves.meanTask, baseline: String? = nil) throws {
        guard task == RunCurves.meanTask || curves.tasks.contains(task) else {
            throw ConfigError(description: "task '\(task)' is not in these runs; valid: \(([RunCurves.meanTask] + curves.tasks).joined(separator: ", "))")
        }
        let labels = curves.groups.map(\.label)
        let baselineLabel = baseline ?? (labels.contains("mean") ? "mean" : labels[0])
        guard labels.contains(baselineLabel) else {
            throw ConfigError(description: "no group is labelled '\(baselineLabel)'; the groups are: \(labels.joined(separator: ", "))")
        }
        let runs = curves.groups.flatMap(\.runs)
        let stepSets = runs.map { Set(($0.curves[task] ?? [:]).keys) }
        guard let common = stepSets.dropFirst().reduce(stepSets[0], { $0.intersection($1) }).max() else {
            throw ConfigError(description: "the runs share no evaluated step of '\(task)', so they cannot be compared at one budget")
        }
        let groups = curves.groups.map { group in
            let scores = group.runs.map { Self.score($0.curves[task]!, seed: $0.seed, upTo: common) }
            return GroupScores(label: group.label, runs: scores, final: MeanAndError(scores.map(\.final))!, best: MeanAndError(scores.map(\.best))!)
        }
        let base = groups.first { $0.label == baselineLabel }!
        self.task = task
        self.step = common
        self.baseline = baselineLabel
        self.groups = groups
        self.paired = groups.filter { $0.label != baselineLabel }.map { Self.pair($0, with: base) }
    }

    /// A run's final and best values at or before `step`.
    static func score(_ curve: [Int: Double], seed: UInt64, upTo step: Int) -> RunScore {
        let best = curve.filter { $0.key <= step }.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
        return RunScore(seed: seed, final: curve[step]!, best: best.value, bestStep: best.key)
    }

    /// `group` minus `base` on the seeds each ran exactly once.
    static func pair(_ group: GroupScores, with base: GroupScores) -> PairedDifference {
        func unique(_ runs: [RunScore]) -> [UInt64: RunScore] {
            Dictionary(grouping: runs, by: \.seed).compactMapValues { $0.count == 1 ? $0[0] : nil }
        }
        let mine = unique(group.runs), theirs = unique(base.runs)
        let seeds = Set(mine.keys).intersection(theirs.keys).sorted()
        return PairedDifference(label: group.label, seeds: seeds,
                                finalDifferences: seeds.map { mine[$0]!.final - theirs[$0]!.final },
                                bestDifferences: seeds.map { mine[$0]!.best - theirs[$0]!.best })
    }

    /// Seeds per group needed to detect a true difference `difference` between two groups' means with a
    /// two-sided test at the 5% level and 80% power, by the normal approximation:
    /// n = 2 (z(0.975) + z(0.8))^2 sigma^2 / difference^2 for independent groups of spread `standardDeviation`,
    /// and half of that with sigma the spread of per-seed differences when seeds are `paired`. At least 2.
    /// The t distribution of a test on so few seeds asks for one or two more.
    public static func seedsNeeded(standardDeviation: Double, difference: Double, paired: Bool) -> Int {
        let z = 1.959964 + 0.841621
        let n = (paired ? 1.0 : 2.0) * z * z * standardDeviation * standardDeviation / (difference * difference)
        return max(2, Int(n.rounded(.up)))
    }

    /// The pooled sample standard deviation of the groups' final (or best) values around their own means
    /// (nil when no group has two runs).
    public func pooledSpread(best: Bool) -> Double? {
        Self.pooled(groups.map { group in group.runs.map { best ? $0.best : $0.final } })
    }

    /// The pooled sample standard deviation of the per-seed differences against the baseline, over all
    /// paired groups (nil when no group has two paired seeds).
    public func pairedSpread(best: Bool) -> Double? {
        Self.pooled(paired.map { best ? $0.bestDifferences : $0.finalDifferences })
    }

    /// sqrt(sum of squared deviations from each sample's mean / sum of (n - 1)).
    static func pooled(_ samples: [[Double]]) -> Double? {
        var squares = 0.0, freedom = 0
        for sample in samples where sample.count > 1 {
            let mean = sample.reduce(0, +) / Double(sample.count)
            squares += sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            freedom += sample.count - 1
        }
        return freedom > 0 ? (squares / Double(freedom)).squareRoot() : nil
    }
}

extension SeedComparison {
    /// `value ± error` with three decimals, signed when `signed`.
    static func format(_ statistics: MeanAndError?, signed: Bool = false) -> String {
        guard let statistics else { return "–" }
        let rounded = abs(statistics.mean) < 0.0005 ? 0 : statistics.mean
        let mean = String(format: signed ? "%+.3f" : "%.3f", rounded)
        return mean + (statistics.standardError.map { String(format: " ± %.3f", $0) } ?? "")
    }

    /// The groups' table: seeds, final and best (mean ± s.e.), and every run's final/best.
    public func groupTable() -> MarkdownTable {
        MarkdownTable(
            header: ["group", "seeds", "final (mean ± s.e.)", "best over training (mean ± s.e.)", "per seed: final / best (step)"],
            rows: groups.map { group in
                let perSeed = group.runs.map { String(format: "s%llu %.3f / %.3f (%d)", $0.seed, $0.final, $0.best, $0.bestStep) }
                return [group.label, String(group.runs.count), Self.format(group.final), Self.format(group.best), perSeed.joined(separator: "; ")]
            })
    }

    /// The paired table: each group minus the baseline over their shared seeds.
    public func pairedTable() -> MarkdownTable {
        MarkdownTable(
            header: ["group - \(baseline)", "paired seeds", "final difference (mean ± s.e.)", "final: higher / lower", "best difference (mean ± s.e.)"],
            rows: paired.map { difference in
                [difference.label, difference.seeds.isEmpty ? "none" : difference.seeds.map(String.init).joined(separator: ", "),
                 Self.format(difference.final, signed: true), "\(difference.finalWins) / \(difference.finalLosses)", Self.format(difference.best, signed: true)]
            })
    }

    /// The seeds table: the measured spreads and the seeds per group a `difference` needs.
    public func seedsTable(difference: Double) -> MarkdownTable {
        func row(_ name: String, best: Bool) -> [String] {
            let spread = pooledSpread(best: best), pairedSpread = pairedSpread(best: best)
            return [name,
                    spread.map { String(format: "%.3f", $0) } ?? "–",
                    spread.map { String(Self.seedsNeeded(standardDeviation: $0, difference: difference, paired: false)) } ?? "–",
                    pairedSpread.map { String(format: "%.3f", $0) } ?? "–",
                    pairedSpread.map { String(Self.seedsNeeded(standardDeviation: $0, difference: difference, paired: true)) } ?? "–"]
        }
        return MarkdownTable(
            header: ["metric", "seed std (pooled)", "seeds per group, independent", "std of paired differences", "seeds, paired"],
            rows: [row("final", best: false), row("best", best: true)])
    }

    /// The three tables with headings and a note on the definitions: what `mtrl compare` prints.
    public func report(suite: String, difference: Double = 0.1) -> String {
        let scope = task == RunCurves.meanTask ? "mean success over the tasks" : "task \(task)"
        return """
            ## \(suite): \(scope) at step \(step)

            \(groupTable().render())
            Final: a run's value at step \(step), the last step every run reached. Best: the highest value of the run's own curve up to that step (the CAGrad paper's metric). ± is one standard error over seeds (sample std / sqrt(n)).

            ### Paired by seed against \(baseline)

            \(pairedTable().render())
            A seed's runs share everything but the group's settings, so their difference removes the seed's own luck.

            ### Seeds needed for a difference of \(String(format: "%.2f", difference))

            \(seedsTable(difference: difference).render())
            Two-sided test at the 5% level with 80% power, normal approximation: n = 2 (1.96 + 0.84)^2 std^2 / d^2 per group for independent runs, half of that with the std of paired differences; a t test on so few seeds needs one or two more.

            """
    }

    /// Every task's final value per group (mean ± s.e. over its seeds) at the step all runs reached, one row
    /// per task of `curves`: the per-task section of `mtrl compare` (nil for a one-task suite).
    public static func perTaskReport(curves: RunCurves) throws -> String? {
        guard curves.tasks.count > 1 else { return nil }
        let comparisons = try curves.tasks.map { try SeedComparison(curves: curves, task: $0) }
        let table = MarkdownTable(
            header: ["task"] + curves.groups.map(\.label),
            rows: comparisons.map { comparison in [comparison.task] + comparison.groups.map { format($0.final) } })
        let steps = Set(comparisons.map(\.step)).sorted().map(String.init).joined(separator: ", ")
        return "### Final success per task at step \(steps) (mean ± s.e. over seeds)\n\n" + table.render()
    }
}
