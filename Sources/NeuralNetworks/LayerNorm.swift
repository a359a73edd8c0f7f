import LinearAlgebra

/// Where one layer normalisation's gain and shift live inside a network's flat parameter vector.
///
/// Layer normalisation (Ba et al. 2016) rescales each row of a layer's pre-activations to mean 0 and
/// variance 1 over its `width` values, then applies a learned per-column gain and shift:
/// `y = gain * (z - mean(z)) / sqrt(var(z) + epsilon) + shift`. In a critic trunk it keeps every
/// task's features at one scale, the cheapest of the fixes that make off-policy critics learn fast
/// (BRO, BRC, SimbaV2). The gain (`width` values) comes first, then the shift.
public struct NormLayout: Equatable, Codable, Sendable {
    /// Number of values normalised per row (the dense layer's output width).
    public let width: Int
    /// Offset of the gain in the flat parameters; the shift follows it.
    public let gainOffset: Int

    /// A normalisation of `width` values placed at `offset`.
    public init(width: Int, offset: Int) {
        precondition(width >= 1, "NormLayout: needs a positive width, got \(width)")
        self.width = width
        gainOffset = offset
    }

    /// Offset of the shift in the flat parameters.
    public var shiftOffset: Int { gainOffset + width }

    /// One past the last parameter.
    public var end: Int { gainOffset + 2 * width }

    /// Number of parameters, 2 * width.
    public var parameterCount: Int { 2 * width }
}

/// The arithmetic of layer normalisation on row-major matrices, without allocation.
enum LayerNorm {
    /// Added to the variance before the square root (PyTorch's default).
    static let epsilon: Float = 1e-5

    /// Normalises every row of `values` in place into `gain * xhat + shift`, keeping xhat in `normalized`
    /// and 1 / sqrt(var + epsilon) per row in `inverseDeviation` for the backward pass.
    static func forward(_ values: inout Matrix, normalized: inout Matrix, inverseDeviation: inout Matrix, parameters: Matrix, layout: NormLayout) {
        let rows = values.rows, width = values.columns
        precondition(width == layout.width, "LayerNorm.forward: rows of \(width) values for a normalisation of \(layout.width)")
        parameters.storage.withUnsafeBufferPointer { p in
            let gain = p.baseAddress! + layout.gainOffset, shift = p.baseAddress! + layout.shiftOffset
            values.storage.withUnsafeMutableBufferPointer { v in
                normalized.storage.withUnsafeMutableBufferPointer { n in
                    inverseDeviation.storage.withUnsafeMutableBufferPointer { d in
                        for row in 0..<rows {
                            let z = v.baseAddress! + row * width, xhat = n.baseAddress! + row * width
                            var mean: Float = 0
                            for j in 0..<width { mean += z[j] }
                            mean /= Float(width)
                            var variance: Float = 0
                            for j in 0..<width {
                                let centred = z[j] - mean
                                variance += centred * centred
                            }
                            variance /= Float(width)
                            let inverse = 1 / (variance + epsilon).squareRoot()
                            d[row] = inverse
                            for j in 0..<width {
                                xhat[j] = (z[j] - mean) * inverse
                                z[j] = gain[j] * xhat[j] + shift[j]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the gradient of the gain (sum over `rows` of dy * xhat) and of the shift (sum of dy) into
    /// `target` at `offset` (gain, then shift: 2 * width entries), overwriting what was there.
    static func parameterGradient(
        _ outputGradient: Matrix, normalized: Matrix, rows: Range<Int>, into target: inout Matrix, offset: Int
    ) {
        let width = outputGradient.columns
        precondition(offset >= 0 && offset + 2 * width <= target.count,
                     "LayerNorm.parameterGradient: \(2 * width) values at offset \(offset) exceed a \(target.shapeDescription) target")
        target.storage.withUnsafeMutableBufferPointer { t in
            parameterGradient(outputGradient, normalized: normalized, rows: rows, into: t.baseAddress! + offset)
        }
    }

    /// `parameterGradient(_:normalized:rows:into:offset:)` into the 2 * width entries at `destination`.
    static func parameterGradient(_ outputGradient: Matrix, normalized: Matrix, rows: Range<Int>, into destination: UnsafeMutablePointer<Float>) {
        let width = outputGradient.columns
        outputGradient.storage.withUnsafeBufferPointer { g in
            normalized.storage.withUnsafeBufferPointer { n in
                let gain = destination, shift = destination + width
                for j in 0..<width {
                    gain[j] = 0
                    shift[j] = 0
                }
                for row in rows {
                    let dy = g.baseAddress! + row * width, xhat = n.baseAddress! + row * width
                    for j in 0..<width {
                        gain[j] += dy[j] * xhat[j]
                        shift[j] += dy[j]
                    }
                }
            }
        }
    }

    /// Turns dL/dy (the normalisation's output) into dL/dz (its input) in place, per row:
    /// dz = inverseDeviation * (g - mean(g) - xhat * mean(g * xhat)) with g = gain * dy.
    static func backward(_ gradient: inout Matrix, normalized: Matrix, inverseDeviation: Matrix, parameters: Matrix, layout: NormLayout) {
        let rows = gradient.rows, width = gradient.columns
        precondition(width == layout.width, "LayerNorm.backward: rows of \(width) values for a normalisation of \(layout.width)")
        parameters.storage.withUnsafeBufferPointer { p in
            let gain = p.baseAddress! + layout.gainOffset
            normalized.storage.withUnsafeBufferPointer { n in
                gradient.storage.withUnsafeMutableBufferPointer { g in
                    for row in 0..<rows {
                        let dy = g.baseAddress! + row * width, xhat = n.baseAddress! + row * width
                        var meanGradient: Float = 0, meanProjection: Float = 0
                        for j in 0..<width {
                            let scaled = gain[j] * dy[j]
                            meanGradient += scaled
                            meanProjection += scaled * xhat[j]
                        }
                        meanGradient /= Float(width)
                        meanProjection /= Float(width)
                        let inverse = inverseDeviation.storage[row]
                        for j in 0..<width {
                            dy[j] = inverse * (gain[j] * dy[j] - meanGradient - xhat[j] * meanProjection)
                        }
                    }
                }
            }
        }
    }
}
