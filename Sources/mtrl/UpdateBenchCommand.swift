import Agents
import Experiment
import ArgumentParser
import Foundation
import GradientCombiners
import LinearAlgebra
import NeuralNetworks

/// `mtrl bench update`: the time of one multi-head SAC update (critics, actor, temperatures, targets)
/// per combiner, on random data of the shape a suite produces, with the update's GEMM FLOPs and the
/// GFLOPS reached. The ratio to `mean` is the cost of gradient surgery.
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

    @Option(help: "OpenBLAS threads for this process.")
    var threads: Int = 1

    @Option(help: "Timed updates per combiner (the median is reported).")
    var repeats: Int = 7

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard tasks >= 1, batchPerTask >= 1, threads >= 1, repeats >= 1 else {
            throw ValidationError("--tasks, --batch-per-task, --threads and --repeats must be at least 1")
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
        let seconds: TimingSummary
        let ratioToMean: Double?
        let gflops: Double
    }

    struct Report: Codable {
        let tasks: Int
        let hidden: [Int]
        let batchPerTask: Int
        let threads: Int
        let gemmFlopsPerUpdate: Double
        let entries: [Entry]
    }

    func run() throws {
        BLAS.threadCount = threads
        let kinds = try CombinerKind.parseList(combiners)
        let sizes = hiddenSizes!
        let observationSize = 39 + tasks, actionSize = 4
        let footprint = AgentFootprint(taskCount: tasks, observationSize: observationSize, actionSize: actionSize,
                                       hyperparameters: SACHyperparameters(hiddenSizes: sizes, batchSizePerTask: batchPerTask))
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
        var entries = [Entry]()
        var meanTime: Double?
        for kind in kinds {
            var agentGenerator = SeededGenerator(seed: 2)
            var agent = try MultiTaskSAC(
                taskCount: tasks, observationSize: observationSize, actionSize: actionSize,
                hyperparameters: SACHyperparameters(hiddenSizes: sizes, batchSizePerTask: batchPerTask),
                combiner: kind, combinerOptions: CombinerOptions(), generator: &agentGenerator)
            var failure: Error?
            let time = TimingSummary.measure(repeats: repeats) {
                do { _ = try agent.update(batch, generator: &agentGenerator) } catch { failure = error }
            }
            if let failure { throw CommandFailure("update with \(kind) failed: \(failure)") }
            if kind == .mean { meanTime = time.median }
            entries.append(Entry(combiner: kind.rawValue, seconds: time, ratioToMean: meanTime.map { time.median / $0 }, gflops: flops / time.median / 1e9))
        }
        let report = Report(tasks: tasks, hidden: sizes, batchPerTask: batchPerTask, threads: threads, gemmFlopsPerUpdate: flops, entries: entries)
        if json { try printJSON(report); return }
        print("SAC update, K = \(tasks), trunk \(sizes), \(batchPerTask) per task (\(layout.rowCount) rows), \(threads) thread(s), median of \(repeats)")
        print("GEMM work per update: \(String(format: "%.2f", flops / 1e9)) GFLOP")
        for entry in entries {
            let ratio = entry.ratioToMean.map { String(format: "%.2fx mean", $0) } ?? ""
            print("  \(entry.combiner.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.seconds.text)  \(String(format: "%6.1f", entry.gflops)) GFLOPS  \(ratio)")
        }
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
