import LinearAlgebra

/// Global-norm gradient clipping (as `torch.nn.utils.clip_grad_norm_` and optax's
/// `clip_by_global_norm`): when the L2 norm of all given gradients together exceeds the maximum, every
/// entry is scaled by maximum / norm, so the update keeps its direction and its length is bounded. It
/// guards the shared trunk against one task's TD-error spike.
enum GradientClipping {
    /// Scales `gradients` together to a global norm of at most `maximumNorm`; 0 leaves them untouched.
    static func clip(_ first: inout Matrix, _ second: inout Matrix, maximumNorm: Float) {
        guard maximumNorm > 0 else { return }
        let norm = (squaredNorm(first) + squaredNorm(second)).squareRoot()
        guard norm > Double(maximumNorm) else { return }
        let scale = Float(Double(maximumNorm) / norm)
        first.scale(by: scale)
        second.scale(by: scale)
    }

    /// Scales `gradient` to a norm of at most `maximumNorm`; 0 leaves it untouched.
    static func clip(_ gradient: inout Matrix, maximumNorm: Float) {
        guard maximumNorm > 0 else { return }
        let norm = squaredNorm(gradient).squareRoot()
        guard norm > Double(maximumNorm) else { return }
        gradient.scale(by: Float(Double(maximumNorm) / norm))
    }

    /// The sum of squares of all entries, accumulated in Double.
    static func squaredNorm(_ matrix: Matrix) -> Double {
        matrix.storage.withUnsafeBufferPointer { values in
            var sum = 0.0
            for value in values { sum += Double(value) * Double(value) }
            return sum
        }
    }
}
