import Agents
import Foundation

/// What a training run will hold in memory, item by item, worked out from its config before anything is
/// allocated, and the check that it fits the machine.
///
/// The items are the agent's arrays (`AgentFootprint`), the replay buffers at full capacity, and the
/// transient copy a checkpoint makes: the packed state plus its encoded bytes, at most twice the
/// networks, Adam moments and full replay buffers (the same bound covers reading one back on resume).
public struct MemoryBudget: Sendable {
    /// Each item's name and bytes, largest first.
    public let items: [(name: String, bytes: Double)]

    /// The budget of `config` on a suite of `taskCount` tasks with `observationSize`-wide observations.
    public init(config: ExperimentConfig, taskCount: Int, observationSize: Int, actionSize: Int = 4) {
        let agent = AgentFootprint(taskCount: taskCount, observationSize: observationSize, actionSize: actionSize, hyperparameters: config.agentSettings)
        let replay = TaskReplayBuffer.footprintBytes(taskCount: taskCount, capacity: config.replayCapacityPerTask,
                                                     observationSize: observationSize, actionSize: actionSize)
        let listed: [(name: String, bytes: Double)] = [
            ("networks", agent.networkBytes), ("Adam moments", agent.optimizerBytes), ("batch buffers", agent.batchBufferBytes),
            ("replay buffers", replay), ("checkpoint copy", 2 * (agent.networkBytes + agent.optimizerBytes + replay)),
        ]
        items = listed.sorted { $0.bytes > $1.bytes }
    }

    /// The sum of the items.
    public var totalBytes: Double { items.map(\.bytes).reduce(0, +) }

    /// Throws a `ConfigError` naming the total, its items and `machineBytes` when the run needs more.
    public func check(machineBytes: Double) throws {
        guard totalBytes > machineBytes else { return }
        let parts = items.map { "\($0.name) \(Self.text($0.bytes))" }.joined(separator: ", ")
        throw ConfigError(description: "this run needs about \(Self.text(totalBytes)) of memory (\(parts)), more than this machine's \(Self.text(machineBytes)); lower hidden_sizes, replay_capacity_per_task or batch_size_per_task")
    }

    /// Bytes in binary units, as `free -h` shows them: "512 MiB", "3.2 GiB", "4.8e+07 GiB".
    static func text(_ bytes: Double) -> String {
        let gibibytes = bytes / 1_073_741_824
        if gibibytes >= 1e6 { return String(format: "%.1e GiB", gibibytes) }
        if gibibytes >= 1 { return String(format: "%.1f GiB", gibibytes) }
        return String(format: "%.0f MiB", bytes / 1_048_576)
    }
}

/// The memory this process may use: the machine's physical memory, or less where a control group
/// (a container, a Slurm job) limits it.
public enum MachineMemory {
    /// Bytes available to this process at most.
    public static var bytes: Double {
        var limit = Double(ProcessInfo.processInfo.physicalMemory)
        for file in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = try? String(contentsOfFile: file, encoding: .utf8),
               let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value > 0 {
                limit = min(limit, value)
            }
        }
        return limit
    }
}
