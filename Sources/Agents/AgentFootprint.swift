/// The bytes the large arrays of an agent take, worked out from its sizes before anything is allocated,
/// so a run that cannot fit in memory is refused with a message instead of a crash.
///
/// Counts are kept in `Double`: absurd sizes (a hidden layer of 10^8 units) give a huge number rather
/// than an integer overflow. Small arrays (per-task counters, K x K Gram matrices) are left out.
public struct AgentFootprint: Sendable, Equatable {
    /// Parameters of the actor, the two critics and their two target copies.
    public var networkBytes: Double
    /// Adam's two moment vectors of the actor, both critics and the temperatures.
    public var optimizerBytes: Double
    /// One update's buffers: the sampled batch, forward and backward activations of the five passes,
    /// per-task gradients of the shared trunks (K rows each) and the combined gradients.
    public var batchBufferBytes: Double

    /// The footprint of `MultiTaskSAC` with these sizes (`actionSize` 4 in the tabletop suites).
    public init(taskCount: Int, observationSize: Int, actionSize: Int, hyperparameters: SACHyperparameters) {
        let k = Double(taskCount), o = Double(observationSize), a = Double(actionSize)
        let hidden = hyperparameters.hiddenSizes.map(Double.init)
        let rows = k * Double(hyperparameters.batchSizePerTask)
        let actor = NetworkSize(input: o, hidden: hidden, output: 2 * a, heads: k)
        let critic = NetworkSize(input: o + a, hidden: hidden, output: 1, heads: k)
        networkBytes = 4 * (actor.parameters + 4 * critic.parameters)
        optimizerBytes = 4 * 2 * (actor.parameters + 2 * critic.parameters + k)
        let passes = actor.workspace(rows: rows) + 4 * critic.workspace(rows: rows) + actor.workspace(rows: k)
        let policy = (rows + k) * (4 * a + 1)
        let gradients = k * (actor.shared + 2 * critic.shared) + actor.shared + 2 * critic.shared + actor.parameters + 2 * critic.parameters
        let sampled = rows * (2 * o + a + 1)
        let scratch = rows * (o + a + 3 + 3 * a + 1)
        batchBufferBytes = 4 * (passes + policy + gradients + sampled + scratch)
    }

    /// All of it.
    public var totalBytes: Double { networkBytes + optimizerBytes + batchBufferBytes }
}

/// Sizes of one `MultiHeadMLP`, in Float values.
private struct NetworkSize {
    let input: Double, hidden: [Double], output: Double, heads: Double

    /// Trunk weights and biases.
    var shared: Double {
        var total = 0.0, width = input
        for layer in hidden {
            total += width * layer + layer
            width = layer
        }
        return total
    }

    /// Trunk plus every head.
    var parameters: Double { shared + heads * ((hidden.last ?? input) * output + output) }

    /// One `MLPWorkspace` for `rows` rows: input copy, activations and gradients per layer, output, input gradient.
    func workspace(rows: Double) -> Double { rows * (2 * input + 2 * hidden.reduce(0, +) + output) }
}

extension TaskReplayBuffer {
    /// The bytes of buffers for `taskCount` tasks of `capacity` transitions (observation, action, reward,
    /// next observation), worked out without allocating.
    public static func footprintBytes(taskCount: Int, capacity: Int, observationSize: Int, actionSize: Int) -> Double {
        4 * Double(taskCount) * Double(capacity) * (2 * Double(observationSize) + Double(actionSize) + 1)
    }
}
