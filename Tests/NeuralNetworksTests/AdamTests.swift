import LinearAlgebra
import NeuralNetworks
import Testing

/// Three Adam steps on two parameters, lr 0.1, default betas and epsilon. The expected values were
/// computed by hand from the update rule (m, v, bias corrections 1 - 0.9^t and 1 - 0.999^t) in float64.
@Test("Adam matches a hand-computed reference")
func adamReference() {
    var adam = Adam(parameterCount: 2, learningRate: 0.1)
    var parameters = Matrix([[1, -2]])
    let gradients: [[Float]] = [[0.5, 0.1], [-1.0, 0.3], [0.25, -0.2]]
    let expected: [[Float]] = [[0.9, -2.1], [0.9366104, -2.1917781], [0.9502794, -2.2175685]]
    for (gradient, after) in zip(gradients, expected) {
        adam.step(parameters: &parameters, gradient: Matrix([gradient]))
        #expect(abs(parameters[0, 0] - after[0]) < 2e-6)
        #expect(abs(parameters[0, 1] - after[1]) < 2e-6)
    }
    #expect(adam.stepCount == 3)
}

@Test("Adam rejects a gradient of the wrong size")
func adamShapeCheck() async {
    await #expect(processExitsWith: .failure) {
        var adam = Adam(parameterCount: 3, learningRate: 0.1)
        var parameters = Matrix(rows: 1, columns: 3)
        adam.step(parameters: &parameters, gradient: Matrix(rows: 1, columns: 2))
    }
}
