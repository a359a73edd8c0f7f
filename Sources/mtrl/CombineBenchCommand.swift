import ArgumentParser
import Foundation
import GradientCombiners
import LinearAlgebra

/// `mtrl bench combine`: the time of one call of each gradient combiner on K x P per-task gradients,
/// next to one 1,280 x 400 x 400 sgemm (the size of one weight-gradient product of the papers' MT10
/// network), so the overhead of gradient surgery reads as "this many GEMMs".
struct CombineBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "combine",
        abstract: "Time each gradient combiner for K = 10 and 50 tasks next to one 1280x400x400 sgemm.")

    @Option(help: "OpenBLAS threads for this process (set once, before any product).")
    var threads: Int = 1

    @Option(help: "Timed repeats per measurement (the median is reported).")
    var repeats: Int = 15

    @Option(help: "Shared parameters P, the width of the gradient matrix.")
    var parameters: Int = 400_000

    @Option(help: "Comma-separated task counts K.")
    var tasks: String = "10,50"

    @Option(help: "Comma-separated combiners to time.")
    var combiners: String = CombinerKind.names.joined(separator: ",")

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard parameters >= 1 else { throw ValidationError("--parameters must be at least 1, got \(parameters)") }
        guard let counts = taskCounts, counts.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--tasks must be a comma-separated list of positive integers, got '\(tasks)'")
        }
        do {
            for kind in try CombinerKind.parseList(combiners) {
                for count in counts { try CombinerOptions().validate(taskCount: count, kind: kind) }
            }
        } catch let error as CombinerError {
            throw ValidationError(error.description)
        }
    }

    private var taskCounts: [Int]? {
        let values = tasks.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        return values.contains(where: { $0 == nil }) || values.isEmpty ? nil : values.map { $0! }
    }

    /// What the command reports.
    struct Report: Codable {
        /// One combiner at one size.
        struct Entry: Codable {
            let combiner: String
            let seconds: TimingSummary
            /// Median time over the median time of one 1280x400x400 sgemm.
            let gemms: Double
            /// Solver steps in the last call (CAGrad, CAGrad-Fast, MGDA), or nil.
            let solverIterations: Int?
            /// Whether the last call's solver reached its tolerance, or nil.
            let solverConverged: Bool?
        }
        /// One task count K.
        struct Size: Codable {
            let tasks: Int
            let parameters: Int
            /// The Gram product alone (ssyrk), part of every combiner.
            let gramSeconds: TimingSummary
            /// The final combination alone (sgemv), part of every combiner.
            let combinationSeconds: TimingSummary
            let combiners: [Entry]
        }
        let threads: Int
        let openBLAS: String
        let gemmSeconds: TimingSummary
        let gemmGFLOPS: Double
        let sizes: [Size]
    }

    func run() throws {
        BLAS.threadCount = threads
        var generator = SeededGenerator(seed: 1)
        let a = Matrix(rows: 1280, columns: 400, storage: (0..<1280 * 400).map { _ in generator.uniform(-1, 1) })
        let b = Matrix(rows: 400, columns: 400, storage: (0..<400 * 400).map { _ in generator.uniform(-1, 1) })
        var c = Matrix(rows: 1280, columns: 400)
        let gemm = TimingSummary.measure(repeats: repeats * 2) { BLAS.gemm(a, nil, .none, b, nil, .none, into: &c) }

        let kinds = try CombinerKind.parseList(combiners)
        var sizes = [Report.Size]()
        for k in taskCounts ?? [] {
            let gradients = Self.gradients(tasks: k, parameters: parameters, generator: &generator)
            var gram = Matrix(rows: k, columns: k)
            var combined = Matrix(rows: 1, columns: parameters)
            let weights = Matrix(rows: 1, columns: k, repeating: 1 / Float(k))
            let gramTime = TimingSummary.measure(repeats: repeats) { BLAS.gram(gradients, into: &gram) }
            let combinationTime = TimingSummary.measure(repeats: repeats) {
                BLAS.gemv(gradients, nil, .transposed, weights, into: &combined)
            }
            var entries = [Report.Entry]()
            for kind in kinds {
                var combiner = try makeCombiner(kind: kind, taskCount: k, seed: 1)
                var last: CombinationReport?
                var failure: (any Error)?
                let time = TimingSummary.measure(repeats: repeats) {
                    do { last = try combiner.combine(gradients, into: &combined) } catch { failure = error }
                }
                if let failure { throw failure }
                entries.append(.init(
                    combiner: kind.rawValue, seconds: time, gemms: time.median / gemm.median,
                    solverIterations: last?.solver?.iterations, solverConverged: last?.solver?.converged))
            }
            sizes.append(.init(tasks: k, parameters: parameters, gramSeconds: gramTime, combinationSeconds: combinationTime, combiners: entries))
        }
        let report = Report(
            threads: threads, openBLAS: BLAS.configuration + " (kernels: \(BLAS.coreName))", gemmSeconds: gemm,
            gemmGFLOPS: 2 * 1280 * 400 * 400 / gemm.median / 1e9, sizes: sizes)
        if json { try printJSON(report); return }
        print("OpenBLAS \(report.openBLAS), \(threads) thread(s), median of \(repeats) runs")
        print("one sgemm 1280 x 400 x 400: \(gemm.text) (\(String(format: "%.1f", report.gemmGFLOPS)) GFLOPS)")
        for size in sizes {
            print("K = \(size.tasks), P = \(size.parameters): Gram (ssyrk) \(size.gramSeconds.text), combination (sgemv) \(size.combinationSeconds.text)")
            for entry in size.combiners {
                let solver = entry.solverIterations.map { "  solver: \($0) steps\(entry.solverConverged == true ? "" : ", NOT converged")" } ?? ""
                print("  " + entry.combiner.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + entry.seconds.text.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(format: "%5.2f GEMMs", entry.gemms) + solver)
            }
        }
    }

    /// K gradient rows of P entries like a network's: a shared direction plus task-specific noise, with
    /// norms spread over a factor of 10 and mixing weights that make some task pairs conflict.
    static func gradients(tasks k: Int, parameters p: Int, generator: inout SeededGenerator) -> Matrix {
        let shared = (0..<p).map { _ in generator.normal() }
        var storage = [Float]()
        storage.reserveCapacity(k * p)
        for _ in 0..<k {
            let scale = Float(pow(10, generator.nextUnitDouble()))
            let mix = generator.uniform(-0.3, 1)
            for index in 0..<p { storage.append(scale * (mix * shared[index] + generator.normal())) }
        }
        return Matrix(rows: k, columns: p, storage: storage)
    }
}
