import LinearAlgebra
import NeuralNetworks
import Testing

/// Finite-difference checks of the network's backward passes, in Double.
///
/// The loss is linear in the outputs, L = sum(C * Y) with fixed random C, so dL/dY = C exactly and the
/// check isolates the network. The numerical side evaluates the network with an independent Double
/// implementation (plain loops over the same parameter layout) and central differences with
/// h = 1e-6: truncation error O(h^2) and rounding about 1e-16 / h = 1e-10, and a step this small
/// almost never moves a pre-activation across ReLU's kink (a Float step large enough to beat Float
/// rounding, 1e-2, crossed kinks in a few percent of parameters). The analytic side is the Float
/// network, whose gradients carry Float rounding of about 1e-6 relative; the tolerance is
/// 1e-4 absolute plus 1e-3 relative.
struct GradientCheck {
    var network: MultiHeadMLP
    let layout: TaskBatchLayout
    let input: Matrix
    let coefficients: Matrix

    init(seed: UInt64, inputSize: Int = 5, hidden: [Int] = [7, 6], outputSize: Int = 3, tasks: Int = 3, rowsPerTask: Int = 4, layerNorm: Bool = false) {
        var generator = SeededGenerator(seed: seed)
        network = MultiHeadMLP(inputSize: inputSize, hiddenSizes: hidden, outputSize: outputSize, headCount: tasks, layerNorm: layerNorm, generator: &generator)
        for index in network.parameters.storage.indices { network.parameters.storage[index] += generator.uniform(-0.1, 0.1) }
        layout = TaskBatchLayout(taskCount: tasks, rowsPerTask: rowsPerTask)
        input = Matrix(rows: layout.rowCount, columns: inputSize, storage: (0..<layout.rowCount * inputSize).map { _ in generator.uniform(-1, 1) })
        coefficients = Matrix(rows: layout.rowCount, columns: outputSize, storage: (0..<layout.rowCount * outputSize).map { _ in generator.uniform(-1, 1) })
    }

    /// L restricted to `rows` (all rows by default), evaluated in Double by plain loops.
    func referenceLoss(parameters: [Double], input: [Double], rows: Range<Int>? = nil) -> Double {
        var total = 0.0
        for r in rows ?? 0..<layout.rowCount {
            var activation = Array(input[r * network.inputSize..<(r + 1) * network.inputSize])
            let task = r / layout.rowsPerTask
            for (index, layer) in (network.trunk + [network.heads[task]]).enumerated() {
                var next = [Double](repeating: 0, count: layer.outputs)
                for o in 0..<layer.outputs {
                    var sum = parameters[layer.biasOffset + o]
                    for i in 0..<layer.inputs { sum += activation[i] * parameters[layer.weightOffset + i * layer.outputs + o] }
                    next[o] = sum
                }
                if index < network.trunk.count {
                    if network.layerNorm { next = Self.referenceLayerNorm(next, parameters: parameters, norm: network.norms[index]) }
                    next = next.map { max($0, 0) }
                }
                activation = next
            }
            for c in 0..<network.outputSize { total += activation[c] * Double(coefficients[r, c]) }
        }
        return total
    }

    /// gain * (z - mean) / sqrt(var + 1e-5) + shift, in Double.
    static func referenceLayerNorm(_ z: [Double], parameters: [Double], norm: NormLayout) -> [Double] {
        let mean = z.reduce(0, +) / Double(z.count)
        let variance = z.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(z.count)
        let inverse = 1 / (variance + 1e-5).squareRoot()
        return z.indices.map { j in parameters[norm.gainOffset + j] * (z[j] - mean) * inverse + parameters[norm.shiftOffset + j] }
    }

    func numericalParameterGradient(rows: Range<Int>? = nil, h: Double = 1e-6) -> [Double] {
        let parameters = network.parameters.storage.map(Double.init), x = input.storage.map(Double.init)
        return (0..<network.parameterCount).map { index in
            var plus = parameters, minus = parameters
            plus[index] += h
            minus[index] -= h
            return (referenceLoss(parameters: plus, input: x, rows: rows) - referenceLoss(parameters: minus, input: x, rows: rows)) / (2 * h)
        }
    }

    func numericalInputGradient(h: Double = 1e-6) -> [Double] {
        let parameters = network.parameters.storage.map(Double.init), x = input.storage.map(Double.init)
        return x.indices.map { index in
            var plus = x, minus = x
            plus[index] += h
            minus[index] -= h
            return (referenceLoss(parameters: parameters, input: plus) - referenceLoss(parameters: parameters, input: minus)) / (2 * h)
        }
    }

    /// L from the Float network itself.
    func loss(_ net: MultiHeadMLP, rows: Range<Int>? = nil) -> Double {
        var workspace = MLPWorkspace(for: net, layout: layout)
        net.forward(input, workspace: &workspace)
        var total = 0.0
        for r in rows ?? 0..<layout.rowCount {
            for c in 0..<net.outputSize { total += Double(workspace.output[r, c]) * Double(coefficients[r, c]) }
        }
        return total
    }

    /// dL/dY restricted to `rows`: C on those rows, zero elsewhere.
    func outputGradient(rows: Range<Int>? = nil) -> Matrix {
        var gradient = coefficients
        if let rows {
            for r in 0..<layout.rowCount where !rows.contains(r) {
                for c in 0..<network.outputSize { gradient[r, c] = 0 }
            }
        }
        return gradient
    }

    func analyticGradient(rows: Range<Int>? = nil) -> Matrix {
        var workspace = MLPWorkspace(for: network, layout: layout)
        network.forward(input, workspace: &workspace)
        var gradient = Matrix(rows: 1, columns: network.parameterCount)
        network.backward(outputGradient(rows: rows), workspace: &workspace, into: &gradient)
        return gradient
    }
}

private func expectClose(_ analytic: [Float], _ numeric: [Double], absolute: Double = 1e-4, relative: Double = 1e-3) {
    #expect(analytic.count == numeric.count)
    for (a, n) in zip(analytic, numeric) {
        #expect(abs(Double(a) - n) <= absolute + relative * abs(n), "analytic \(a) vs numerical \(n)")
    }
}

@Test("plain backward matches finite differences for every parameter", arguments: [UInt64(1), 2, 3])
func plainGradientMatchesFiniteDifferences(seed: UInt64) {
    let check = GradientCheck(seed: seed)
    expectClose(check.analyticGradient().storage, check.numericalParameterGradient())
}

@Test("a network with no hidden layer (heads only) matches finite differences")
func headsOnlyGradient() {
    let check = GradientCheck(seed: 4, hidden: [])
    #expect(check.network.sharedParameterCount == 0)
    expectClose(check.analyticGradient().storage, check.numericalParameterGradient())
}

@Test("input gradient matches finite differences")
func inputGradientMatchesFiniteDifferences() {
    let check = GradientCheck(seed: 5)
    var workspace = MLPWorkspace(for: check.network, layout: check.layout)
    check.network.forward(check.input, workspace: &workspace)
    check.network.backwardToInput(check.outputGradient(), workspace: &workspace)
    expectClose(workspace.inputGradient.storage, check.numericalInputGradient())
}

@Test("the Float forward pass agrees with the Double reference")
func forwardMatchesReference() {
    let check = GradientCheck(seed: 9)
    let reference = check.referenceLoss(parameters: check.network.parameters.storage.map(Double.init), input: check.input.storage.map(Double.init))
    #expect(abs(check.loss(check.network) - reference) < 1e-4)
}

@Test("each task's rows use only their own head")
func rowsUseTheirOwnHead() {
    let check = GradientCheck(seed: 6)
    let base = check.loss(check.network, rows: check.layout.rows(ofTask: 0))
    var changed = check.network
    let otherHead = check.network.heads[1]
    for index in otherHead.weightOffset..<otherHead.end { changed.parameters.storage[index] += 0.5 }
    #expect(check.loss(changed, rows: check.layout.rows(ofTask: 0)) == base)
    #expect(check.loss(changed, rows: check.layout.rows(ofTask: 1)) != check.loss(check.network, rows: check.layout.rows(ofTask: 1)))
}

@Test("per-task gradients equal K single-task backward passes and sum to the full gradient", arguments: [false, true])
func perTaskGradients(layerNorm: Bool) {
    let check = GradientCheck(seed: 7, tasks: 4, rowsPerTask: 3, layerNorm: layerNorm)
    let network = check.network
    let shared = network.sharedParameterCount
    var workspace = MLPWorkspace(for: network, layout: check.layout)
    network.forward(check.input, workspace: &workspace)
    // Two networks side by side in one matrix: this one's block starts at column 3.
    var perTask = Matrix(rows: 4, columns: shared + 5, repeating: 7)
    var heads = Matrix(rows: 1, columns: network.parameterCount, repeating: 7)
    network.backwardPerTask(check.outputGradient(), workspace: &workspace, sharedGradients: &perTask, column: 3, headGradient: &heads, computeInputGradient: true)
    let full = check.analyticGradient()
    var sum = [Double](repeating: 0, count: shared)
    for task in 0..<4 {
        let single = check.analyticGradient(rows: check.layout.rows(ofTask: task))
        let row = Array(perTask.row(task)[3..<3 + shared])
        for index in 0..<shared {
            #expect(abs(row[index] - single.storage[index]) <= 1e-5 + 1e-5 * abs(single.storage[index]))
            sum[index] += Double(row[index])
        }
        // Finite differences of task k's own loss confirm the row too.
        expectClose(row, Array(check.numericalParameterGradient(rows: check.layout.rows(ofTask: task))[0..<shared]))
        #expect(perTask.row(task)[0..<3].allSatisfy { $0 == 7 })
        #expect(perTask.row(task)[(3 + shared)...].allSatisfy { $0 == 7 })
    }
    for index in 0..<shared { #expect(abs(sum[index] - Double(full.storage[index])) <= 1e-4) }
    for index in shared..<network.parameterCount { #expect(abs(heads.storage[index] - full.storage[index]) <= 1e-5) }
    #expect(heads.storage[0..<shared].allSatisfy { $0 == 7 })
}

@Test("Xavier-uniform weights lie within the layer's limit and biases start at zero")
func initialisation() {
    var generator = SeededGenerator(seed: 8)
    let network = MultiHeadMLP(inputSize: 20, hiddenSizes: [30], outputSize: 4, headCount: 2, generator: &generator)
    for layer in network.trunk + network.heads {
        let limit = (6 / Float(layer.inputs + layer.outputs)).squareRoot()
        let weights = network.parameters.storage[layer.weightOffset..<layer.biasOffset]
        #expect(weights.allSatisfy { abs($0) <= limit })
        #expect(weights.contains { abs($0) > limit / 2 })
        #expect(network.parameters.storage[layer.biasOffset..<layer.end].allSatisfy { $0 == 0 })
    }
    var again = SeededGenerator(seed: 8)
    #expect(MultiHeadMLP(inputSize: 20, hiddenSizes: [30], outputSize: 4, headCount: 2, generator: &again) == network)
}

@Test("a wrongly shaped input stops with a message")
func forwardShapeCheck() async {
    await #expect(processExitsWith: .failure) {
        var generator = SeededGenerator(seed: 1)
        let network = MultiHeadMLP(inputSize: 3, hiddenSizes: [4], outputSize: 2, headCount: 2, generator: &generator)
        var workspace = MLPWorkspace(for: network, layout: TaskBatchLayout(taskCount: 2, rowsPerTask: 2))
        network.forward(Matrix(rows: 4, columns: 5), workspace: &workspace)
    }
}

@Test("with layer norm, plain and input gradients match finite differences", arguments: [UInt64(1), 2, 3])
func layerNormGradientsMatchFiniteDifferences(seed: UInt64) {
    let check = GradientCheck(seed: seed, layerNorm: true)
    #expect(check.network.norms.count == 2)
    #expect(check.network.sharedParameterCount == check.network.norms[1].end)
    expectClose(check.analyticGradient().storage, check.numericalParameterGradient())
    var workspace = MLPWorkspace(for: check.network, layout: check.layout)
    check.network.forward(check.input, workspace: &workspace)
    var gradient = Matrix(rows: 1, columns: check.network.parameterCount)
    check.network.backward(check.outputGradient(), workspace: &workspace, into: &gradient, computeInputGradient: true)
    expectClose(workspace.inputGradient.storage, check.numericalInputGradient())
}

@Test("with layer norm, the forward pass agrees with the Double reference and normalises each row")
func layerNormForward() {
    let check = GradientCheck(seed: 4, layerNorm: true)
    let reference = check.referenceLoss(parameters: check.network.parameters.storage.map(Double.init), input: check.input.storage.map(Double.init))
    #expect(abs(check.loss(check.network) - reference) <= 1e-4 * max(1, abs(reference)))
    var workspace = MLPWorkspace(for: check.network, layout: check.layout)
    check.network.forward(check.input, workspace: &workspace)
    for row in 0..<check.layout.rowCount {
        let xhat = (0..<7).map { Double(workspace.normalized[0][row, $0]) }
        #expect(abs(xhat.reduce(0, +) / 7) <= 1e-5)
        #expect(abs(xhat.map { $0 * $0 }.reduce(0, +) / 7 - 1) <= 1e-3)
    }
}

@Test("layer norm gains start at one and shifts at zero, after each dense layer's bias")
func layerNormInitialisation() {
    var generator = SeededGenerator(seed: 2)
    let network = MultiHeadMLP(inputSize: 4, hiddenSizes: [5, 3], outputSize: 2, headCount: 2, layerNorm: true, generator: &generator)
    #expect(network.norms.map(\.gainOffset) == [network.trunk[0].end, network.trunk[1].end])
    #expect(network.trunk[1].weightOffset == network.norms[0].end)
    #expect(network.heads[0].weightOffset == network.norms[1].end)
    for norm in network.norms {
        #expect(network.parameters.storage[norm.gainOffset..<norm.shiftOffset].allSatisfy { $0 == 1 })
        #expect(network.parameters.storage[norm.shiftOffset..<norm.end].allSatisfy { $0 == 0 })
    }
}

@Test("per-task gradients split over 2 or 3 threads are bit-identical to one thread's", arguments: [2, 3])
func perTaskGradientsAnyThreadCount(threads: Int) {
    let check = GradientCheck(seed: 9, tasks: 5, rowsPerTask: 3)
    let network = check.network
    var workspace = MLPWorkspace(for: network, layout: check.layout)
    func gradients(_ splitter: WorkSplitter) -> (Matrix, Matrix, Matrix) {
        network.forward(check.input, workspace: &workspace)
        var perTask = Matrix(rows: 5, columns: network.sharedParameterCount + 2, repeating: 7)
        var heads = Matrix(rows: 1, columns: network.parameterCount, repeating: 7)
        network.backwardPerTask(check.outputGradient(), workspace: &workspace, sharedGradients: &perTask, column: 2, headGradient: &heads,
                                computeInputGradient: true, splitter: splitter)
        return (perTask, heads, workspace.inputGradient)
    }
    let serial = gradients(.serial), split = gradients(WorkSplitter(threadCount: threads))
    #expect(split.0 == serial.0 && split.1 == serial.1 && split.2 == serial.2)
}
