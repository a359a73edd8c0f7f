import Foundation
import LinearAlgebra

/// The Adam optimiser (Kingma & Ba, 2015) over one flat parameter vector.
///
/// Update for step t (1-based), per entry: m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2,
/// p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps). This is PyTorch's `torch.optim.Adam`
/// without weight decay, which the reference SAC implementations use.
public struct Adam: Codable, Equatable, Sendable {
    /// Step size (3e-4 for actor, critic and temperature in the papers' SAC).
    public var learningRate: Float
    /// Decay of the first-moment estimate.
    public let beta1: Float
    /// Decay of the second-moment estimate.
    public let beta2: Float
    /// Added to the denominator for numerical safety.
    public let epsilon: Float
    /// Steps taken so far (drives the bias correction).
    public private(set) var stepCount: Int = 0
    /// First-moment estimate, one entry per parameter.
    public private(set) var firstMoment: [Float]
    /// Second-moment estimate, one entry per parameter.
    public private(set) var secondMoment: [Float]

    /// An optimiser for `parameterCount` parameters with zeroed moments.
    public init(parameterCount: Int, learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        precondition(parameterCount >= 0, "Adam: negative parameter count \(parameterCount)")
        precondition(learningRate >= 0 && learningRate.isFinite, "Adam: learning rate must be finite and non-negative, got \(learningRate)")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoment = [Float](repeating: 0, count: parameterCount)
        secondMoment = [Float](repeating: 0, count: parameterCount)
    }

    /// The number of parameters this optimiser updates.
    public var parameterCount: Int { firstMoment.count }

    /// One Adam step: reads `gradient` (any shape with `parameterCount` entries) and updates `parameters`.
    public mutating func step(parameters: inout Matrix, gradient: Matrix) {
        precondition(
            parameters.count == parameterCount && gradient.count == parameterCount,
            "Adam.step: optimiser for \(parameterCount) parameters got parameters \(parameters.shapeDescription) and gradient \(gradient.shapeDescription)")
        stepCount += 1
        let b1 = beta1, b2 = beta2, eps = epsilon
        let correction1 = 1 - Float(pow(Double(b1), Double(stepCount)))
        let correction2 = 1 - Float(pow(Double(b2), Double(stepCount)))
        let stepSize = learningRate / correction1
        let inverseSqrtCorrection2 = 1 / correction2.squareRoot()
        gradient.storage.withUnsafeBufferPointer { g in
            parameters.storage.withUnsafeMutableBufferPointer { p in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        for i in 0..<p.count {
                            let gi = g[i]
                            let mi = b1 * m[i] + (1 - b1) * gi
                            let vi = b2 * v[i] + (1 - b2) * gi * gi
                            m[i] = mi
                            v[i] = vi
                            p[i] -= stepSize * mi / (vi.squareRoot() * inverseSqrtCorrection2 + eps)
                        }
                    }
                }
            }
        }
    }
}

extension Adam {
    /// Restores the moments and step count saved from an optimiser of the same size (checkpoints).
    /// Returns false, changing nothing, when the sizes differ or the step count is negative.
    public mutating func restore(stepCount savedSteps: Int, firstMoment savedFirst: [Float], secondMoment savedSecond: [Float]) -> Bool {
        guard savedSteps >= 0, savedFirst.count == parameterCount, savedSecond.count == parameterCount else { return false }
        stepCount = savedSteps
        firstMoment = savedFirst
        secondMoment = savedSecond
        return true
    }
}
