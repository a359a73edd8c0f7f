import ArgumentParser
import Experiment
import Foundation
import GradientCombiners
import Reporting

/// `mtrl toy`: the two-dimensional toy problems of the CAGrad and PCGrad papers, run with any combiners
/// and Adam, written as a trajectory CSV and a comparison figure.
struct ToyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toy",
        abstract: "Run the CAGrad or PCGrad paper's 2-D toy problem with several combiners; write a CSV and an SVG figure.",
        discussion: """
            Each step forms the 2 x 2 matrix of the two tasks' exact gradients, combines it, and feeds the result \
            to Adam (the papers' learning rate 1e-3). Problems: \(ToyProblem.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")).

            Example: mtrl toy --problem cagrad --combiners mean,mgda,pcgrad,cagrad --out runs/toy
            """)

    @Option(help: "The toy problem: \(ToyProblem.allCases.map(\.rawValue).joined(separator: " or ")).")
    var problem: String = ToyProblem.cagrad.rawValue

    @Option(help: "Comma-separated combiners, one figure panel each: \(CombinerKind.names.joined(separator: ", ")).")
    var combiners: String = "mean,mgda,pcgrad,cagrad"

    @Option(parsing: .unconditional, help: "Starting points as 'x,y;x,y;...', negative numbers allowed (default: the paper's starting points).")
    var starts: String?

    @Option(help: "Adam steps per trajectory (default: the paper's, 100,000 for cagrad and 500,000 for pcgrad).")
    var steps: Int?

    @Option(help: "Adam learning rate.")
    var learningRate: Double = 1e-3

    @Option(parsing: .unconditional, help: "CAGrad's c >= 0 (the CAGrad paper's toy: 0.5).")
    var cagradC: Double = 0.5

    @Option(help: "CAGrad-Fast's subset size (at most 2, the number of toy tasks).")
    var fastSubsetSize: Int = 1

    @Option(help: "Seed of PCGrad's task order and CAGrad-Fast's subsets.")
    var seed: UInt64 = 0

    @Option(help: "Record a trajectory point every this many steps (the CSV and the figure).")
    var recordEvery: Int = 100

    @Option(help: "Output folder for toy-<problem>.csv and toy-<problem>.svg.")
    var out: String = "runs/toy"

    @Flag(help: "Print each run's start, end point and final losses as JSON.")
    var json = false

    func validate() throws {
        guard ToyProblem(rawValue: problem) != nil else {
            throw ValidationError("unknown toy problem '\(problem)'; valid problems: \(ToyProblem.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do {
            let kinds = try CombinerKind.parseList(combiners)
            for kind in kinds { try options.validate(taskCount: 2, kind: kind) }
        } catch let error as CombinerError {
            throw ValidationError(error.description)
        }
        _ = try parsedStarts()
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard learningRate > 0, learningRate.isFinite else { throw ValidationError("--learning-rate must be a positive number, got \(learningRate)") }
        guard recordEvery >= 1 else { throw ValidationError("--record-every must be at least 1, got \(recordEvery)") }
    }

    private var options: CombinerOptions { CombinerOptions(cagradC: cagradC, fastSubsetSize: fastSubsetSize) }

    private func parsedStarts() throws -> [ToyPoint]? {
        guard let starts else { return nil }
        return try starts.split(separator: ";").map { pair in
            let parts = pair.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
                throw ValidationError("--starts: '\(pair)' is not a point 'x,y'")
            }
            return ToyPoint(x, y)
        }
    }

    /// What `--json` prints.
    struct Summary: Codable {
        let problem: String
        let steps: Int
        let learningRate: Double
        let cagradC: Double
        let csv: String
        let svg: String
        let runs: [ToyReport.Outcome]
    }

    func run() throws {
        let toy = ToyProblem(rawValue: problem)!
        let kinds = try CombinerKind.parseList(combiners)
        let points = try parsedStarts() ?? toy.defaultStarts
        let runner = ToyRunner(problem: toy, steps: steps, learningRate: learningRate, recordEvery: recordEvery, options: options, seed: seed)
        let trajectories = try runner.runAll(combiners: kinds, starts: points)

        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let csvURL = folder.appendingPathComponent("toy-\(toy.rawValue).csv")
        let svgURL = folder.appendingPathComponent("toy-\(toy.rawValue).svg")
        try AtomicFile.write(ToyRunner.csv(trajectories), to: csvURL)
        let caption = "contours: average loss (L1 + L2) / 2; Adam lr \(learningRate), \(runner.steps) steps; CAGrad c = \(cagradC)"
        try AtomicFile.write(ToyReport.figure(problem: toy, combiners: kinds, trajectories: trajectories, caption: caption), to: svgURL)

        let outcomes = ToyReport.outcomes(trajectories)
        if json {
            try printJSON(Summary(
                problem: toy.rawValue, steps: runner.steps, learningRate: learningRate, cagradC: cagradC,
                csv: csvURL.path, svg: svgURL.path, runs: outcomes))
            return
        }
        print("\(toy.rawValue) toy problem, \(runner.steps) Adam steps (lr \(learningRate)); \(toy.summary)")
        print("combiner      start            end                      L1          L2          distance to the average-loss minimisers")
        for outcome in outcomes {
            let start = String(format: "(%.2f, %.2f)", outcome.start.x, outcome.start.y)
            let end = String(format: "(%.4f, %.4f)", outcome.end.x, outcome.end.y)
            print(
                outcome.combiner.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + " " + start.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + " " + end.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: " %11.4f %11.4f %11.4f", outcome.losses[0], outcome.losses[1], outcome.distanceToAverageMinimum))
        }
        print("wrote \(csvURL.path) and \(svgURL.path)")
    }
}
