import Experiment
import Foundation
import Testing

@Test("the default MT10 run's budget is dominated by its replay buffers and fits a small machine")
func defaultBudget() throws {
    let budget = MemoryBudget(config: ExperimentConfig(), taskCount: 10, observationSize: 39)
    // 10 tasks x 100,000 transitions x (2 x 39 + 4 + 1) Floats.
    let replay = 4.0 * 10 * 100_000 * 83
    #expect(budget.items.first { $0.name == "replay buffers" }?.bytes == replay)
    #expect(budget.totalBytes > 3 * replay && budget.totalBytes < 4 * replay)
    try budget.check(machineBytes: 8 * 1_073_741_824)
}

@Test("a budget over the machine's memory is refused naming the total, the items, the machine and the keys to lower")
func oversizedBudget() {
    var config = ExperimentConfig()
    config.hiddenSizes = [100_000_000]
    let budget = MemoryBudget(config: config, taskCount: 10, observationSize: 39)
    do {
        try budget.check(machineBytes: 24 * 1_073_741_824)
        Issue.record("a 10^8-wide layer fitted in 24 GiB")
    } catch {
        let message = "\(error)"
        #expect(message.contains("this machine's 24.0 GiB"), "\(message)")
        for item in ["networks", "Adam moments", "batch buffers", "replay buffers", "checkpoint copy", "hidden_sizes"] {
            #expect(message.contains(item), "\(message) lacks \(item)")
        }
    }
}

@Test("absurd sizes give a finite, huge budget, never an integer overflow")
func absurdSizes() {
    var config = ExperimentConfig()
    config.hiddenSizes = [Int.max, Int.max]
    config.batchSizePerTask = Int.max
    config.replayCapacityPerTask = Int.max
    let budget = MemoryBudget(config: config, taskCount: 50, observationSize: 39)
    #expect(budget.totalBytes.isFinite && budget.totalBytes > 1e30)
    #expect(throws: ConfigError.self) { try budget.check(machineBytes: MachineMemory.bytes) }
}

@Test("the machine's memory is known and positive")
func machineMemory() {
    #expect(MachineMemory.bytes > 0 && MachineMemory.bytes <= Double(ProcessInfo.processInfo.physicalMemory))
}
