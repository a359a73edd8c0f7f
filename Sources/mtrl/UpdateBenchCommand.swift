import Agents
import Experiment
import ArgumentParser
import Foundation
import GradientCombiners
import LinearAlgebra
import NeuralNetworks

/// `mtrl bench update`: the time of one multi-head SAC update (critics, actor, temperatures, targets)
/// per combiner, on random data of the shape a suite produces, with the update's GEMM FLOPs and the
/// GFLOPS reached. The ratio to `mean` is the cost of gradient surgery. With `--threads` above 1 each
/// combiner is also timed with that many update threads, alternating with the one-thread update in the
/// same loop, so the speed-up is a ratio of interleaved medians; and the sgemm rate on the update's own
/// shapes, measured in the same run, says how close one thread comes to the hardware.
struct UpdateBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Time one SAC update per combiner (mean, pcgrad, cagrad, ...) at a network size and batch.")

    @Option(help: "Number of tasks K (10 for MT10, 50 for MT50).")
    var tasks: Int = 10

    @Option(help: "Hidden widths of the trunks, comma-separated (papers: 400,400,400).")
    var hidden: String = "400,400,400"

    @Option(help: "Transitions per task per update (papers: 128).")
    var batchPerTask: Int = 128

    @Option(help: "Combiners to time, comma-separated.")
    var combiners: String = "mean,pcgrad,cagrad,cagrad-fast,mgda"

    @Option(help: "Update threads to compare with one (the default config's setting: one per active core; 1: one thread only).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "OpenBLAS threads for this process (1: what training uses).")
    var blasThreads: Int = 1

    @Option(help: "Layer norm in the critics' trunks: true (the default config's) or false (the papers' agent).")
    var criticLayerNorm: Bool = ExperimentConfig().criticLayerNorm

    @Option(help: "Timed updates per combiner (the median is reported).")
    var repeats: Int = 7

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard tasks >= 1, batchPerTask >= 1, threads >= 1, blasThreads >= 1, repeats >= 1 else {
            throw ValidationError("--tasks, --batch-per-task, --threads, --blas-threads and --repeats must be at least 1")
        }
        guard hiddenSizes != nil else { throw ValidationError("--hidden must be comma-separated positive widths, got '\(hidden)'") }
    }

    private var hiddenSizes: [Int]? {
        let sizes = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return sizes.map { $0! }
    }

    struct Entry: Codable {
        let combiner: String
        /// One update thread.
        let seconds: TimingSummary
        let ratioToMean: Double?
        let gflops: Double
        /// One-thread GFLOPS over the sgemm rate on the update's shapes.
        let fractionOfSgemm: Double
        /// `--threads` update threads, timed alternately with `seconds` (nil with one thread).
        let threadedSeconds: TimingSummary?
        /// One-thread median over threaded median.
        let speedup: Double?
    }

    struct Report: Codable {
        let tasks: Int
        let hidden: [Int]
        let batchPerTask: Int
        let threads: Int
        let blasThreads: Int
        let gemmFlopsPerUpdate: Double
        /// sgemm GFLOPS on the update's own products (`sgemmGflops`), measured in the same run.
        let sgemmGflops: Double
        let entries: [Entry]
    }

    func run() throws {
        BLAS.threadCount = blasThreads
        let kinds = try CombinerKind.parseList(combiners)
        let sizes = hiddenSizes!
        let observationSize = 39 + tasks, actionSize = 4
        let footprint = AgentFootprint(taskCount: tasks, observationSize: observationSize, actionSize: actionSize,
                                       hyperparameters: SACHyperparameters(hiddenSizes: sizes, batchSizePerTask: batchPerTask, criticLayerNorm: criticLayerNorm))
        guard footprint.totalBytes <= MachineMemory.bytes else {
            throw CommandFailure(String(format: "this agent needs about %.1f GiB of memory, more than this machine's %.1f GiB; lower --hidden, --tasks or --batch-per-task",
                                        footprint.totalBytes / 1_073_741_824, MachineMemory.bytes / 1_073_741_824))
        }
        var generator = SeededGenerator(seed: 1)
        let layout = TaskBatchLayout(taskCount: tasks, rowsPerTask: batchPerTask)
        var batch = TransitionBatch(layout: layout, observationSize: observationSize, actionSize: actionSize, discount: SACHyperparameters().discount)
        for index in batch.observations.storage.indices {
            batch.observations.storage[index] = generator.uniform(-1, 1)
            batch.nextObservations.storage[index] = generator.uniform(-1, 1)
        }
        for index in batch.actions.storage.indices { batch.actions.storage[index] = generator.uniform(-1, 1) }
        for index in batch.rewards.storage.indices { batch.rewards.storage[index] = generator.uniform(0, 10) }
        let flops = Self.gemmFlops(rows: layout.rowCount, observationSize: observationSize, actionSize: actionSize, hidden: sizes)
        let sgemm = Self.sgemmGflops(tasks: tasks, rows: layout.rowCount, observationSize: observationSize, actionSize: actionSize, hidden: sizes, repeats: repeats)
        var entries = [Entry]()
        var meanTime: Double?
        for kind in kinds {
            func makeAgent(threads: Int) throws -> (MultiTaskSAC, SeededGenerator) {
                var agentGenerator = SeededGenerator(seed: 2)
                var agent = try MultiTaskSAC(
                    taskCount: tasks, observationSize: observationSize, actionSize: actionSize,
                    hyperparameters: SACHyperparameters(hiddenSizes: sizes, batchSizePerTask: batchPerTask, criticLayerNorm: criticLayerNorm),
                    combiner: kind, combinerOptions: CombinerOptions(), generator: &agentGenerator)
                agent.workSplitter = WorkSplitter(threadCount: threads)
                return (agent, agentGenerator)
            }
            var (serial, serialGenerator) = try makeAgent(threads: 1)
            var (threaded, threadedGenerator) = try makeAgent(threads: threads)
            var failure: Error?
            func update(_ agent: inout MultiTaskSAC, _ generator: inout SeededGenerator) -> Double {
                TimingSummary.seconds {
                    do { _ = try agent.update(batch, generator: &generator) } catch { failure = error }
                }
            }
            var serialSamples = [Double](), threadedSamples = [Double]()
            _ = update(&serial, &serialGenerator)
            if threads > 1 { _ = update(&threaded, &threadedGenerator) }
            for round in 0..<repeats {
                if threads > 1 && round % 2 == 1 { threadedSamples.append(update(&threaded, &threadedGenerator)) }
                serialSamples.append(update(&serial, &serialGenerator))
                if threads > 1 && round % 2 == 0 { threadedSamples.append(update(&threaded, &threadedGenerator)) }
            }
            if let failure { throw CommandFailure("update with \(kind) failed: \(failure)") }
            let time = TimingSummary(samples: serialSamples)
            let threadedTime = threadedSamples.isEmpty ? nil : TimingSummary(samples: threadedSamples)
            if kind == .mean { meanTime = time.median }
            let gflops = flops / time.median / 1e9
            entries.append(Entry(combiner: kind.rawValue, seconds: time, ratioToMean: meanTime.map { time.median / $0 }, gflops: gflops,
                                 fractionOfSgemm: gflops / sgemm, threadedSeconds: threadedTime, speedup: threadedTime.map { time.median / $0.median }))
        }
        let report = Report(tasks: tasks, hidden: sizes, batchPerTask: batchPerTask, threads: threads, blasThreads: blasThreads,
                            gemmFlopsPerUpdate: flops, sgemmGflops: sgemm, entries: entries)
        if json { try printJSON(report); return }
        print("SAC update, K = \(tasks), trunk \(sizes), \(batchPerTask) per task (\(layout.rowCount) rows), OpenBLAS \(blasThreads) thread(s), median of \(repeats)")
        print("GEMM work per update: \(String(format: "%.2f", flops / 1e9)) GFLOP; sgemm on its shapes, same run: \(String(format: "%.1f", sgemm)) GFLOPS")
        let threadedHeader = threads > 1 ? "   \(threads) threads (interleaved)" : ""
        print("  combiner     1 thread                        GFLOPS  of sgemm  vs mean\(threadedHeader)")
        for entry in entries {
            let ratio = entry.ratioToMean.map { String(format: "%.2fx", $0) } ?? ""
            let threaded = entry.threadedSeconds.map { "   \($0.text)  \(String(format: "%.2fx", entry.speedup!))" } ?? ""
            print("  \(entry.combiner.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.seconds.text.padding(toLength: 30, withPad: " ", startingAt: 0))  \(String(format: "%6.1f", entry.gflops))  \(String(format: "%6.0f%%", 100 * entry.fractionOfSgemm))   \(ratio.padding(toLength: 6, withPad: " ", startingAt: 0))\(threaded)")
        }
    }

    /// sgemm GFLOPS on the update's own products, as plain calls on random matrices laid out as the
    /// update lays them out: every product of one update with its shape, full-batch layers on whole
    /// matrices, and the per-task products (heads, trunk weight gradients `X_k^T dY_k`) on the tasks'
    /// row blocks of full-batch matrices, each weight gradient into its task's row of a K x (in * out)
    /// matrix. The median of `repeats` timed sweeps.
    static func sgemmGflops(tasks: Int, rows: Int, observationSize: Int, actionSize: Int, hidden: [Int], repeats: Int) -> Double {
        var generator = SeededGenerator(seed: 3)
        func random(_ r: Int, _ c: Int) -> Matrix {
            Matrix(rows: r, columns: c, storage: (0..<r * c).map { _ in generator.uniform(-1, 1) })
        }
        let layout = TaskBatchLayout(taskCount: tasks, rowsPerTask: rows / tasks)
        /// One product: `a` (op as given) times `b` into block `cBlock` of `outputs[c]`.
        struct Product {
            let a: Matrix, aBlock: MatrixBlock?, transposeA: Transpose, b: Matrix, bBlock: MatrixBlock?, c: Int, cBlock: MatrixBlock?
        }
        var products = [Product](), outputs = [Matrix](), flops = 0.0
        func full(_ m: Int, _ k: Int, _ n: Int) {
            outputs.append(Matrix(rows: m, columns: n))
            products.append(Product(a: random(m, k), aBlock: nil, transposeA: .none, b: random(k, n), bBlock: nil, c: outputs.count - 1, cBlock: nil))
            flops += 2 * Double(m * k * n)
        }
        func perTaskRows(_ k: Int, _ n: Int) {
            let a = random(rows, k), b = random(k, n)
            outputs.append(Matrix(rows: rows, columns: n))
            for task in 0..<tasks {
                let block = layout.rows(ofTask: task)
                products.append(Product(a: a, aBlock: a.rowBlock(block), transposeA: .none, b: b, bBlock: nil, c: outputs.count - 1,
                                        cBlock: outputs[outputs.count - 1].rowBlock(block)))
            }
            flops += 2 * Double(rows * k * n)
        }
        func weightGradients(_ inputs: Int, _ n: Int) {
            let x = random(rows, inputs), dy = random(rows, n)
            outputs.append(Matrix(rows: tasks, columns: inputs * n))
            for task in 0..<tasks {
                let block = layout.rows(ofTask: task)
                products.append(Product(a: x, aBlock: x.rowBlock(block), transposeA: .transposed, b: dy, bBlock: dy.rowBlock(block), c: outputs.count - 1,
                                        cBlock: outputs[outputs.count - 1].packedBlock(row: task, column: 0, rows: inputs, columns: n)))
            }
            flops += 2 * Double(rows * inputs * n)
        }
        func network(_ input: Int, _ output: Int, fullBackward: Bool, inputBackward: Bool) {
            let widths = [input] + hidden
            for layer in 0..<hidden.count { full(rows, widths[layer], widths[layer + 1]) }
            perTaskRows(hidden.last!, output)
            guard fullBackward || inputBackward else { return }
            perTaskRows(output, hidden.last!)
            if fullBackward { weightGradients(hidden.last!, output) }
            for layer in stride(from: hidden.count - 1, through: 0, by: -1) {
                if fullBackward { weightGradients(widths[layer], widths[layer + 1]) }
                if layer > 0 || inputBackward { full(rows, widths[layer + 1], widths[layer]) }
            }
        }
        let actorOutput = 2 * actionSize, criticInput = observationSize + actionSize
        network(observationSize, actorOutput, fullBackward: false, inputBackward: false)
        for _ in 0..<4 { network(criticInput, 1, fullBackward: false, inputBackward: false) }
        for _ in 0..<2 { network(criticInput, 1, fullBackward: true, inputBackward: false) }
        network(observationSize, actorOutput, fullBackward: true, inputBackward: false)
        for _ in 0..<2 { network(criticInput, 1, fullBackward: false, inputBackward: true) }
        let time = TimingSummary.measure(repeats: 2 * repeats) {
            for product in products {
                BLAS.gemm(product.a, product.aBlock, product.transposeA, product.b, product.bBlock, .none, into: &outputs[product.c], product.cBlock)
            }
        }
        return flops / time.median / 1e9
    }

    /// The GEMM floating-point operations of one update: critic step (actor forward on s', two target
    /// forwards, two critic forwards and full backwards), actor step (actor forward and backward, two
    /// critic forwards and input-only backwards). A forward of a layer is 2 m n k; a full backward twice
    /// that (input and weight gradients), an input-only backward once, and the first layer needs no
    /// input gradient in a full backward.
    static func gemmFlops(rows: Int, observationSize: Int, actionSize: Int, hidden: [Int]) -> Double {
        func layers(_ input: Int, _ output: Int) -> [(Int, Int)] {
            let widths = [input] + hidden + [output]
            return (0..<widths.count - 1).map { (widths[$0], widths[$0 + 1]) }
        }
        let actor = layers(observationSize, 2 * actionSize), critic = layers(observationSize + actionSize, 1)
        func forward(_ net: [(Int, Int)]) -> Double { net.reduce(0) { $0 + 2 * Double(rows * $1.0 * $1.1) } }
        func inputGradient(_ net: [(Int, Int)]) -> Double { forward(net) }
        func fullBackward(_ net: [(Int, Int)]) -> Double { forward(net) + (forward(net) - 2 * Double(rows * net[0].0 * net[0].1)) }
        let criticStep = forward(actor) + 2 * forward(critic) + 2 * (forward(critic) + fullBackward(critic))
        let actorStep = forward(actor) + fullBackward(actor) + 2 * (forward(critic) + inputGradient(critic))
        return criticStep + actorStep
    }
}
