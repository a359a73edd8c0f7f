import Foundation
import LinearAlgebra

/// The tanh-squashed Gaussian policy head of SAC, applied row by row to the actor's outputs.
///
/// An actor output row is `[mu (A values), raw log-std (A values)]`. The log standard deviation is
/// squashed into [logStdMin, logStdMax] as `min + (max - min) * (tanh(raw) + 1) / 2` (the bounded
/// parameterisation of the reference SAC code), then with noise e ~ N(0, I): u = mu + exp(logStd) e,
/// a = tanh(u), and log pi(a|s) = sum_j [-e_j^2/2 - logStd_j - log(2 pi)/2 - log(1 - a_j^2 + 1e-6)].
/// `backward` turns dL/da and dL/dlogpi into dL/d(actor output) with the noise held fixed (the
/// reparameterisation trick).
public struct SquashedGaussianPolicy: Sendable {
    /// Number of action dimensions A.
    public let actionSize: Int
    /// Lower log-std bound.
    public let logStdMin: Float
    /// Upper log-std bound.
    public let logStdMax: Float
    /// Actions of the last `sample` (rows x A).
    public private(set) var actions: Matrix
    /// Log-probabilities of the last `sample` (rows x 1).
    public private(set) var logProbabilities: Matrix
    private var noise: Matrix
    private var logStds: Matrix
    private var rawTanh: Matrix

    /// Buffers for `rows` rows.
    public init(rows: Int, actionSize: Int, logStdMin: Float, logStdMax: Float) {
        self.actionSize = actionSize
        self.logStdMin = logStdMin
        self.logStdMax = logStdMax
        actions = Matrix(rows: rows, columns: actionSize)
        logProbabilities = Matrix(rows: rows, columns: 1)
        noise = Matrix(rows: rows, columns: actionSize)
        logStds = Matrix(rows: rows, columns: actionSize)
        rawTanh = Matrix(rows: rows, columns: actionSize)
    }

    private static let halfLogTwoPi = Float(0.5 * log(2 * Double.pi))
    private static let squashEpsilon: Float = 1e-6

    /// Samples actions for every row of `actorOutput` (rows x 2A). With `deterministic`, the action is
    /// tanh(mu) (evaluation) and no noise is drawn.
    public mutating func sample(_ actorOutput: Matrix, deterministic: Bool = false, generator: inout SeededGenerator) {
        precondition(
            actorOutput.rows == actions.rows && actorOutput.columns == 2 * actionSize,
            "SquashedGaussianPolicy.sample: actor output is \(actorOutput.shapeDescription), expected \(actions.rows)x\(2 * actionSize)")
        let a = actionSize, width = 2 * actionSize
        let span = (logStdMax - logStdMin) / 2
        for row in 0..<actions.rows {
            var logProbability: Float = 0
            for j in 0..<a {
                let mu = actorOutput.storage[row * width + j]
                let squashed = tanhf(actorOutput.storage[row * width + a + j])
                let logStd = logStdMin + span * (squashed + 1)
                let e: Float = deterministic ? 0 : generator.normal()
                let action = tanhf(mu + expf(logStd) * e)
                let index = row * a + j
                rawTanh.storage[index] = squashed
                logStds.storage[index] = logStd
                noise.storage[index] = e
                actions.storage[index] = action
                logProbability += -0.5 * e * e - logStd - Self.halfLogTwoPi - logf(1 - action * action + Self.squashEpsilon)
            }
            logProbabilities.storage[row] = logProbability
        }
    }

    /// dL/d(actor output) (rows x 2A) for a loss with gradient `actionGradient` (rows x A) with respect to
    /// the sampled actions and `logProbabilityGradient[row]` with respect to each row's log-probability.
    public func backward(actionGradient: Matrix, logProbabilityGradient: [Float], into outputGradient: inout Matrix) {
        precondition(
            actionGradient.rows == actions.rows && actionGradient.columns == actionSize
                && logProbabilityGradient.count == actions.rows
                && outputGradient.rows == actions.rows && outputGradient.columns == 2 * actionSize,
            "SquashedGaussianPolicy.backward: gradients \(actionGradient.shapeDescription) and \(logProbabilityGradient.count) rows into \(outputGradient.shapeDescription) do not fit \(actions.rows) rows of \(actionSize) actions")
        let a = actionSize, width = 2 * actionSize
        let span = (logStdMax - logStdMin) / 2
        for row in 0..<actions.rows {
            let dLogP = logProbabilityGradient[row]
            for j in 0..<a {
                let index = row * a + j
                let action = actions.storage[index]
                let oneMinusSquare = 1 - action * action
                // u = mu + std e, a = tanh(u): da/du = 1 - a^2; d[-log(1 - a^2 + eps)]/du = 2a(1 - a^2)/(1 - a^2 + eps).
                let dU = actionGradient.storage[index] * oneMinusSquare
                    + dLogP * 2 * action * oneMinusSquare / (oneMinusSquare + Self.squashEpsilon)
                let std = expf(logStds.storage[index])
                // logStd enters u through std = exp(logStd) and log pi directly with coefficient -1.
                let dLogStd = dU * std * noise.storage[index] - dLogP
                let squashed = rawTanh.storage[index]
                outputGradient.storage[row * width + j] = dU
                outputGradient.storage[row * width + a + j] = dLogStd * span * (1 - squashed * squashed)
            }
        }
    }
}
