import LinearAlgebra

/// The buffers of one forward and backward pass of a `MultiHeadMLP` for a fixed batch layout.
///
/// Allocated once per batch shape and reused, so training steps do not allocate. After `forward`,
/// `output` holds the network's outputs; after a backward pass with an input gradient,
/// `inputGradient` holds dLoss/dInput.
public struct MLPWorkspace: Sendable {
    /// How the batch rows map to tasks (and so to heads).
    public let layout: TaskBatchLayout
    /// Width of the input rows.
    public let inputSize: Int
    /// Widths of the trunk layers.
    public let hiddenSizes: [Int]
    /// Width of the output rows.
    public let outputSize: Int
    /// A copy of the last forward pass's input (the first layer's weight gradient needs it).
    public internal(set) var input: Matrix
    /// Post-ReLU outputs of each trunk layer.
    public internal(set) var activations: [Matrix]
    /// Each normalised trunk layer's normalised pre-activations xhat (empty without layer norm).
    public internal(set) var normalized: [Matrix]
    /// Each normalised trunk layer's 1 / sqrt(var + epsilon) per row (rows x 1; empty without layer norm).
    public internal(set) var inverseDeviations: [Matrix]
    /// Scratch: gradient with respect to each trunk layer's output.
    public internal(set) var gradients: [Matrix]
    /// The outputs of the last forward pass (rows x outputSize).
    public internal(set) var output: Matrix
    /// dLoss/dInput from the last backward pass that asked for it.
    public internal(set) var inputGradient: Matrix

    /// Buffers for `network` on batches shaped like `layout`.
    public init(for network: MultiHeadMLP, layout: TaskBatchLayout) {
        precondition(layout.taskCount <= network.headCount, "MLPWorkspace: \(layout.taskCount) tasks but the network has \(network.headCount) heads")
        self.layout = layout
        inputSize = network.inputSize
        hiddenSizes = network.hiddenSizes
        outputSize = network.outputSize
        let rows = layout.rowCount
        input = Matrix(rows: rows, columns: network.inputSize)
        activations = network.hiddenSizes.map { Matrix(rows: rows, columns: $0) }
        gradients = network.hiddenSizes.map { Matrix(rows: rows, columns: $0) }
        normalized = network.norms.map { Matrix(rows: rows, columns: $0.width) }
        inverseDeviations = network.norms.map { _ in Matrix(rows: rows, columns: 1) }
        output = Matrix(rows: rows, columns: network.outputSize)
        inputGradient = Matrix(rows: rows, columns: network.inputSize)
    }
}
