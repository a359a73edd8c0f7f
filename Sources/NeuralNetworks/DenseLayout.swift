/// Where one dense layer's weights and bias live inside a network's flat parameter vector.
///
/// The weight matrix is `inputs` x `outputs`, row-major, at `weightOffset`, so a layer computes
/// `Y = X W + b` with one GEMM; the bias follows at `biasOffset`.
public struct DenseLayout: Equatable, Codable, Sendable {
    /// Width of the layer's input.
    public let inputs: Int
    /// Width of the layer's output.
    public let outputs: Int
    /// Offset of W (inputs x outputs) in the flat parameters.
    public let weightOffset: Int
    /// Offset of b (outputs) in the flat parameters.
    public let biasOffset: Int

    /// A layer placed at `offset`: weights first, then bias.
    public init(inputs: Int, outputs: Int, offset: Int) {
        precondition(inputs >= 1 && outputs >= 1, "DenseLayout: a layer needs positive sizes, got \(inputs) -> \(outputs)")
        self.inputs = inputs
        self.outputs = outputs
        self.weightOffset = offset
        self.biasOffset = offset + inputs * outputs
    }

    /// Number of parameters, inputs * outputs + outputs.
    public var parameterCount: Int { inputs * outputs + outputs }

    /// One past the layer's last parameter.
    public var end: Int { biasOffset + outputs }
}
