import LinearAlgebra

/// A multi-layer perceptron with a shared trunk and one linear output head per task.
///
/// Trunk: `hiddenSizes.count` dense layers, each followed by ReLU (with `layerNorm`, by a layer
/// normalisation and then ReLU), shared by all tasks. Head k: a dense layer from the last hidden width
/// to `outputSize`, used only by task k's rows. With no hidden layers the network is just the heads.
/// All parameters live in one flat 1 x P vector `parameters`: the trunk first (each dense layer, then
/// its normalisation; the first `sharedParameterCount` entries, the ones gradient surgery acts on), then
/// the heads. Weights are Xavier-uniform, biases zero, normalisation gains one and shifts zero.
public struct MultiHeadMLP: Equatable, Codable, Sendable {
    /// Width of the input rows.
    public let inputSize: Int
    /// Widths of the shared hidden layers.
    public let hiddenSizes: [Int]
    /// Width of each head's output.
    public let outputSize: Int
    /// Number of heads (tasks).
    public let headCount: Int
    /// The trunk's layers, in order.
    public let trunk: [DenseLayout]
    /// The layer normalisation after each trunk layer (`norms[i]` follows `trunk[i]`); empty without
    /// `layerNorm`.
    public let norms: [NormLayout]
    /// The heads' layers, head k at index k.
    public let heads: [DenseLayout]
    /// All parameters as one 1 x P row: trunk, then heads.
    public var parameters: Matrix

    /// A network with Xavier-uniform weights drawn from `generator` and zero biases; with `layerNorm`,
    /// every trunk layer is normalised before its ReLU.
    public init(inputSize: Int, hiddenSizes: [Int], outputSize: Int, headCount: Int, layerNorm: Bool = false, generator: inout SeededGenerator) {
        precondition(inputSize >= 1 && outputSize >= 1 && headCount >= 1 && hiddenSizes.allSatisfy { $0 >= 1 },
                     "MultiHeadMLP: sizes must be positive: input \(inputSize), hidden \(hiddenSizes), output \(outputSize), heads \(headCount)")
        self.inputSize = inputSize
        self.hiddenSizes = hiddenSizes
        self.outputSize = outputSize
        self.headCount = headCount
        var offset = 0
        var trunk = [DenseLayout]()
        var norms = [NormLayout]()
        var width = inputSize
        for hidden in hiddenSizes {
            let layer = DenseLayout(inputs: width, outputs: hidden, offset: offset)
            trunk.append(layer)
            offset = layer.end
            if layerNorm {
                let norm = NormLayout(width: hidden, offset: offset)
                norms.append(norm)
                offset = norm.end
            }
            width = hidden
        }
        var heads = [DenseLayout]()
        for _ in 0..<headCount {
            let layer = DenseLayout(inputs: width, outputs: outputSize, offset: offset)
            heads.append(layer)
            offset = layer.end
        }
        self.trunk = trunk
        self.norms = norms
        self.heads = heads
        parameters = Matrix(rows: 1, columns: offset)
        for layer in trunk + heads {
            let limit = (6 / Float(layer.inputs + layer.outputs)).squareRoot()
            for index in layer.weightOffset..<layer.biasOffset {
                parameters.storage[index] = generator.uniform(-limit, limit)
            }
        }
        for norm in norms {
            for index in norm.gainOffset..<norm.shiftOffset { parameters.storage[index] = 1 }
        }
    }

    /// Whether the trunk layers are normalised.
    public var layerNorm: Bool { !norms.isEmpty }

    /// Total number of parameters P.
    public var parameterCount: Int { parameters.count }

    /// Number of shared (trunk) parameters: the columns of the per-task gradient matrix.
    public var sharedParameterCount: Int { norms.last?.end ?? trunk.last?.end ?? 0 }

    /// Width of the last hidden layer (the heads' input).
    public var featureSize: Int { hiddenSizes.last ?? inputSize }

    /// Computes the outputs for `input` (layout.rowCount x inputSize; rows of task k use head k) into
    /// `workspace.output`, keeping the activations the backward pass needs.
    public func forward(_ input: Matrix, workspace: inout MLPWorkspace) {
        precondition(
            input.rows == workspace.layout.rowCount && input.columns == inputSize,
            "MultiHeadMLP.forward: input is \(input.shapeDescription), the network expects \(workspace.layout.rowCount)x\(inputSize) (workspace rows x input size)")
        checkWorkspace(workspace)
        workspace.input.storage.withUnsafeMutableBufferPointer { destination in
            input.storage.withUnsafeBufferPointer { source in
                _ = destination.initialize(from: source)
            }
        }
        for (index, layer) in trunk.enumerated() {
            let previous = index == 0 ? workspace.input : workspace.activations[index - 1]
            workspace.activations[index].setRows(to: parameters, biasBlock(layer))
            BLAS.gemm(previous, nil, .none, parameters, weightBlock(layer), .none, into: &workspace.activations[index], beta: 1)
            if layerNorm {
                LayerNorm.forward(&workspace.activations[index], normalized: &workspace.normalized[index],
                                  inverseDeviation: &workspace.inverseDeviations[index], parameters: parameters, layout: norms[index])
            }
            workspace.activations[index].applyReLU()
        }
        let features = trunk.isEmpty ? workspace.input : workspace.activations[trunk.count - 1]
        let layout = workspace.layout
        for task in 0..<layout.taskCount {
            let rows = layout.rows(ofTask: task)
            let head = heads[task]
            workspace.output.setRows(to: parameters, biasBlock(head), rows: rows)
            BLAS.gemm(features, features.rowBlock(rows), .none, parameters, weightBlock(head), .none,
                      into: &workspace.output, workspace.output.rowBlock(rows), beta: 1)
        }
    }

    /// Back-propagates `outputGradient` (dLoss/dOutput, same shape as the output) through the last
    /// forward pass and writes the ordinary gradient of all P parameters into the 1 x P `gradient`.
    /// With `computeInputGradient`, also fills `workspace.inputGradient`.
    public func backward(_ outputGradient: Matrix, workspace: inout MLPWorkspace, into gradient: inout Matrix, computeInputGradient: Bool = false) {
        precondition(
            gradient.count == parameterCount,
            "MultiHeadMLP.backward: gradient is \(gradient.shapeDescription), the network has \(parameterCount) parameters")
        backpropagate(outputGradient, workspace: &workspace, computeInputGradient: computeInputGradient, normGradient: { dOutput, normalized, norm in
            LayerNorm.parameterGradient(dOutput, normalized: normalized, rows: 0..<dOutput.rows, into: &gradient, offset: norm.gainOffset)
        }) { input, dOutput, rows, layer in
            let inputRows = rows.map { input.rowBlock($0) }, outputRows = rows.map { dOutput.rowBlock($0) }
            BLAS.gemm(input, inputRows, .transposed, dOutput, outputRows, .none, into: &gradient, weightBlock(layer))
            dOutput.sumRows(rows, into: &gradient, biasBlock(layer))
        }
    }

    /// Back-propagates `outputGradient` and writes, for every task k, the gradient of task k's rows'
    /// loss with respect to the shared (trunk) parameters into row k of `sharedGradients`, starting at
    /// column `column` (so several networks can fill one K x S matrix side by side). Each head's
    /// gradient, which only its own task's rows reach, goes into the head entries of the 1 x P
    /// `headGradient` (its trunk entries are left untouched).
    ///
    /// Cost: the same products as `backward(_:workspace:into:)`, except that each trunk weight gradient
    /// `X^T dY` is computed as K products over the tasks' row blocks, `X_k^T dY_k`. `splitter` shares
    /// those K products out over its threads (each product unchanged, so the result is the same).
    public func backwardPerTask(
        _ outputGradient: Matrix, workspace: inout MLPWorkspace, sharedGradients: inout Matrix, column: Int = 0,
        headGradient: inout Matrix, computeInputGradient: Bool = false, splitter: WorkSplitter = .serial
    ) {
        sharedGradients.withSharedAccess { shared in
            backwardPerTask(outputGradient, workspace: &workspace, sharedGradients: shared, column: column,
                            headGradient: &headGradient, computeInputGradient: computeInputGradient, splitter: splitter)
        }
    }

    /// `backwardPerTask(_:workspace:sharedGradients:column:headGradient:computeInputGradient:splitter:)`
    /// into a per-task gradient matrix that other work running at the same time also writes (for example
    /// the twin critic filling the columns after this network's).
    public func backwardPerTask(
        _ outputGradient: Matrix, workspace: inout MLPWorkspace, sharedGradients: SharedMatrix, column: Int = 0,
        headGradient: inout Matrix, computeInputGradient: Bool = false, splitter: WorkSplitter = .serial
    ) {
        let layout = workspace.layout
        precondition(
            sharedGradients.rows == layout.taskCount && column >= 0 && column + sharedParameterCount <= sharedGradients.columns,
            "MultiHeadMLP.backwardPerTask: per-task gradients \(sharedGradients.rows)x\(sharedGradients.columns) cannot hold \(layout.taskCount) tasks x \(sharedParameterCount) shared parameters at column \(column)")
        precondition(
            headGradient.count == parameterCount,
            "MultiHeadMLP.backwardPerTask: head gradient is \(headGradient.shapeDescription), the network has \(parameterCount) parameters")
        backpropagate(outputGradient, workspace: &workspace, computeInputGradient: computeInputGradient, normGradient: { dOutput, normalized, norm in
            for task in 0..<layout.taskCount {
                let destination = sharedGradients.entries(at: task * sharedGradients.columns + column + norm.gainOffset, count: norm.parameterCount)
                LayerNorm.parameterGradient(dOutput, normalized: normalized, rows: layout.rows(ofTask: task), into: destination)
            }
        }) { input, dOutput, headRows, layer in
            if let headRows {
                BLAS.gemm(input, input.rowBlock(headRows), .transposed, dOutput, dOutput.rowBlock(headRows), .none,
                          into: &headGradient, weightBlock(layer))
                dOutput.sumRows(headRows, into: &headGradient, biasBlock(layer))
                return
            }
            splitter.forEach(layout.taskCount) { task in
                let rows = layout.rows(ofTask: task)
                let weights = sharedGradients.packedBlock(row: task, column: column + layer.weightOffset, rows: layer.inputs, columns: layer.outputs)
                BLAS.gemm(input, input.rowBlock(rows), .transposed, dOutput, dOutput.rowBlock(rows), .none, into: sharedGradients, weights)
                let bias = sharedGradients.packedBlock(row: task, column: column + layer.biasOffset, rows: 1, columns: layer.outputs)
                dOutput.sumRows(rows, into: sharedGradients, bias)
            }
        }
    }

    /// Back-propagates `outputGradient` to the input only, into `workspace.inputGradient`, computing no
    /// parameter gradient (for example dQ/daction when the actor's loss goes through a critic).
    public func backwardToInput(_ outputGradient: Matrix, workspace: inout MLPWorkspace) {
        backpropagate(outputGradient, workspace: &workspace, computeInputGradient: true) { _, _, _, _ in }
    }

    /// The shared backward pass. `parameterGradient` receives, for every layer, the layer's input, the
    /// gradient of its pre-activation output, the rows it applies to (a head: its task's rows; a trunk
    /// layer: nil, all rows) and the layer. `normGradient` receives, for every layer normalisation, the
    /// gradient of its output, its normalised input xhat and its layout.
    private func backpropagate(
        _ outputGradient: Matrix, workspace: inout MLPWorkspace, computeInputGradient: Bool,
        normGradient: (Matrix, Matrix, NormLayout) -> Void = { _, _, _ in },
        parameterGradient: (Matrix, Matrix, Range<Int>?, DenseLayout) -> Void
    ) {
        precondition(
            outputGradient.rows == workspace.layout.rowCount && outputGradient.columns == outputSize,
            "MultiHeadMLP.backward: output gradient is \(outputGradient.shapeDescription), expected \(workspace.layout.rowCount)x\(outputSize)")
        checkWorkspace(workspace)
        let layout = workspace.layout
        let last = trunk.count - 1
        for task in 0..<layout.taskCount {
            let rows = layout.rows(ofTask: task)
            let head = heads[task]
            let features = trunk.isEmpty ? workspace.input : workspace.activations[last]
            parameterGradient(features, outputGradient, rows, head)
            if trunk.isEmpty {
                if computeInputGradient {
                    let block = workspace.inputGradient.rowBlock(rows)
                    BLAS.gemm(outputGradient, outputGradient.rowBlock(rows), .none, parameters, weightBlock(head), .transposed,
                              into: &workspace.inputGradient, block)
                }
            } else {
                let block = workspace.gradients[last].rowBlock(rows)
                BLAS.gemm(outputGradient, outputGradient.rowBlock(rows), .none, parameters, weightBlock(head), .transposed,
                          into: &workspace.gradients[last], block)
            }
        }
        for index in stride(from: last, through: 0, by: -1) {
            let layer = trunk[index]
            workspace.gradients[index].maskByReLU(output: workspace.activations[index])
            if layerNorm {
                normGradient(workspace.gradients[index], workspace.normalized[index], norms[index])
                LayerNorm.backward(&workspace.gradients[index], normalized: workspace.normalized[index],
                                   inverseDeviation: workspace.inverseDeviations[index], parameters: parameters, layout: norms[index])
            }
            let layerInput = index == 0 ? workspace.input : workspace.activations[index - 1]
            parameterGradient(layerInput, workspace.gradients[index], nil, layer)
            if index > 0 {
                BLAS.gemm(workspace.gradients[index], nil, .none, parameters, weightBlock(layer), .transposed, into: &workspace.gradients[index - 1])
            } else if computeInputGradient {
                BLAS.gemm(workspace.gradients[0], nil, .none, parameters, weightBlock(layer), .transposed, into: &workspace.inputGradient)
            }
        }
    }

    /// The 1 x P vector's block holding layer `layer`'s weights.
    public func weightBlock(_ layer: DenseLayout) -> MatrixBlock {
        MatrixBlock(offset: layer.weightOffset, rows: layer.inputs, columns: layer.outputs)
    }

    /// The 1 x P vector's block holding layer `layer`'s bias.
    public func biasBlock(_ layer: DenseLayout) -> MatrixBlock {
        MatrixBlock(offset: layer.biasOffset, rows: 1, columns: layer.outputs)
    }

    private func checkWorkspace(_ workspace: MLPWorkspace) {
        precondition(
            workspace.inputSize == inputSize && workspace.hiddenSizes == hiddenSizes && workspace.outputSize == outputSize
                && workspace.layout.taskCount <= headCount && workspace.normalized.count == norms.count,
            "MultiHeadMLP: workspace for \(workspace.inputSize)->\(workspace.hiddenSizes)->\(workspace.outputSize) with \(workspace.layout.taskCount) tasks (\(workspace.normalized.count) norms) does not fit a network \(inputSize)->\(hiddenSizes)->\(outputSize) with \(headCount) heads (\(norms.count) norms)")
    }
}
