import ArgumentParser
import Foundation
import LinearAlgebra
import NeuralNetworks

/// `mtrl bench gemm`: the sgemm throughput OpenBLAS reaches on the network's shapes (the hardware limit
/// for an update), and the time of one forward + backward pass of the paper's 3x400 network, with the
/// ordinary gradient and with per-task gradients of the shared trunk.
struct GemmBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm",
        abstract: "sgemm GFLOPS on the network's shapes and forward+backward time with and without per-task gradients.")

    @Option(help: "OpenBLAS threads for this process (set once, before any product).")
    var threads: Int = 1

    @Option(help: "Timed repeats per measurement (the median is reported).")
    var repeats: Int = 15

    @Option(help: "Rows per task (the papers: 128, so 1,280 rows on MT10 and 6,400 on MT50).")
    var rowsPerTask: Int = 128

    @Option(help: "Hidden width of the 3-layer trunk.")
    var hidden: Int = 400

    @Option(help: "Input width (MT10: 39 observation + 10 one-hot = 49).")
    var inputs: Int = 49

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard rowsPerTask >= 1 else { throw ValidationError("--rows-per-task must be at least 1, got \(rowsPerTask)") }
        guard hidden >= 1, inputs >= 1 else { throw ValidationError("--hidden and --inputs must be positive") }
    }

    /// What the command reports.
    struct Report: Codable {
        struct Shape: Codable {
            let m: Int, k: Int, n: Int
            let seconds: TimingSummary
            let gflops: Double
        }
        struct Pass: Codable {
            let tasks: Int
            let rows: Int
            let plainSeconds: TimingSummary
            let perTaskSeconds: TimingSummary
            /// Per-task forward+backward time over plain forward+backward time.
            let ratio: Double
        }
        let threads: Int
        let openBLAS: String
        let shapes: [Shape]
        let forwardBackward: [Pass]
    }

    func run() throws {
        BLAS.threadCount = threads
        var generator = SeededGenerator(seed: 1)
        func random(_ r: Int, _ c: Int) -> Matrix {
            Matrix(rows: r, columns: c, storage: (0..<r * c).map { _ in generator.uniform(-1, 1) })
        }
        let rows = 10 * rowsPerTask
        var shapes = [Report.Shape]()
        for (m, k, n) in [(rows, inputs, hidden), (rows, hidden, hidden), (hidden, rows, hidden)] {
            let a = random(m, k), b = random(k, n)
            var c = Matrix(rows: m, columns: n)
            let time = TimingSummary.measure(repeats: repeats * 4) { BLAS.gemm(a, nil, .none, b, nil, .none, into: &c) }
            shapes.append(.init(m: m, k: k, n: n, seconds: time, gflops: 2 * Double(m * k * n) / time.median / 1e9))
        }
        var passes = [Report.Pass]()
        for tasks in [10, 50] {
            let network = MultiHeadMLP(inputSize: inputs, hiddenSizes: [hidden, hidden, hidden], outputSize: 8, headCount: tasks, generator: &generator)
            let layout = TaskBatchLayout(taskCount: tasks, rowsPerTask: rowsPerTask)
            var workspace = MLPWorkspace(for: network, layout: layout)
            let input = random(layout.rowCount, inputs), outputGradient = random(layout.rowCount, 8)
            var gradient = Matrix(rows: 1, columns: network.parameterCount)
            var shared = Matrix(rows: tasks, columns: network.sharedParameterCount)
            let plain = TimingSummary.measure(repeats: repeats) {
                network.forward(input, workspace: &workspace)
                network.backward(outputGradient, workspace: &workspace, into: &gradient)
            }
            let perTask = TimingSummary.measure(repeats: repeats) {
                network.forward(input, workspace: &workspace)
                network.backwardPerTask(outputGradient, workspace: &workspace, sharedGradients: &shared, headGradient: &gradient)
            }
            passes.append(.init(tasks: tasks, rows: layout.rowCount, plainSeconds: plain, perTaskSeconds: perTask, ratio: perTask.median / plain.median))
        }
        let report = Report(threads: threads, openBLAS: BLAS.configuration + " (kernels: \(BLAS.coreName))", shapes: shapes, forwardBackward: passes)
        if json { try printJSON(report); return }
        print("OpenBLAS \(report.openBLAS), \(threads) thread(s), median of \(repeats)+ runs")
        print("sgemm  M x K x N            time                     GFLOPS")
        for shape in shapes {
            let dims = String(format: "%5d x %4d x %4d", shape.m, shape.k, shape.n)
            print("       \(dims)   \(shape.seconds.text.padding(toLength: 30, withPad: " ", startingAt: 0)) \(String(format: "%6.1f", shape.gflops))")
        }
        print("forward+backward, \(inputs)->\(hidden)x3 MLP, \(rowsPerTask) rows per task:")
        for pass in passes {
            print("  K = \(pass.tasks) (\(pass.rows) rows)   plain \(pass.plainSeconds.text)   per-task \(pass.perTaskSeconds.text)   per-task/plain \(String(format: "%.2f", pass.ratio))x")
        }
    }
}
