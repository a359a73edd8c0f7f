/// The element-wise kernels a network needs, written as plain loops over contiguous storage (the
/// compiler vectorises them in release builds) and all in place, so they do not allocate.
extension Matrix {
    /// Writes (or, with `accumulate`, adds) the column sums of rows `rowRange` into the 1 x `columns`
    /// block `block` of `target`. This is a bias gradient.
    public func sumRows(_ rowRange: Range<Int>? = nil, into target: inout Matrix, _ block: MatrixBlock, accumulate: Bool = false) {
        target.checkBlock(block, "Matrix.sumRows target")
        target.storage.withUnsafeMutableBufferPointer { tp in
            sumRows(rowRange, into: tp.baseAddress! + block.offset, block, accumulate: accumulate)
        }
    }

    /// `sumRows(_:into:_:accumulate:)` into a matrix that pieces of work running at once share.
    public func sumRows(_ rowRange: Range<Int>? = nil, into target: SharedMatrix, _ block: MatrixBlock, accumulate: Bool = false) {
        target.checkBlock(block, "Matrix.sumRows target")
        sumRows(rowRange, into: target.base! + block.offset, block, accumulate: accumulate)
    }

    private func sumRows(_ rowRange: Range<Int>?, into out: UnsafeMutablePointer<Float>, _ block: MatrixBlock, accumulate: Bool) {
        precondition(
            block.rows == 1 && block.columns == columns,
            "Matrix.sumRows: the column sums of a \(shapeDescription) matrix do not fit a \(block.rows)x\(block.columns) block")
        let range = rowRange ?? 0..<rows
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "Matrix.sumRows: rows \(range) out of range for \(shapeDescription)")
        let width = columns
        storage.withUnsafeBufferPointer { sp in
            if !accumulate { for c in 0..<width { out[c] = 0 } }
            for r in range {
                let row = sp.baseAddress! + r * width
                for c in 0..<width { out[c] += row[c] }
            }
        }
    }

    /// Replaces every entry x by max(x, 0) (NaN stays NaN, so a diverged network is still detected).
    public mutating func applyReLU() {
        let n = count
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            let bytes = UnsafeMutableRawPointer(p)
            let vectorCount = n / Self.lanes
            for v in 0..<vectorCount {
                let offset = v * MemoryLayout<SIMD8<Float>>.stride
                var values = bytes.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                values.replace(with: 0, where: values .< 0)
                bytes.storeBytes(of: values, toByteOffset: offset, as: SIMD8<Float>.self)
            }
            for index in vectorCount * Self.lanes..<n where p[index] < 0 { p[index] = 0 }
        }
    }

    /// Zeroes the entries of this gradient where the ReLU `output` was not positive (ReLU's backward pass).
    /// Written with explicit 8-wide SIMD selects: the sign of a ReLU input is a coin flip, so the scalar
    /// loop's conditional store mispredicts half the time (it was 12% of a SAC update).
    public mutating func maskByReLU(output: Matrix) {
        precondition(
            rows == output.rows && columns == output.columns,
            "Matrix.maskByReLU: a \(shapeDescription) gradient with a \(output.shapeDescription) ReLU output")
        let n = count
        output.storage.withUnsafeBufferPointer { outputBuffer in
            storage.withUnsafeMutableBufferPointer { gradientBuffer in
                guard let o = outputBuffer.baseAddress, let g = gradientBuffer.baseAddress else { return }
                let outputBytes = UnsafeRawPointer(o), gradientBytes = UnsafeMutableRawPointer(g)
                let vectorCount = n / Self.lanes
                for v in 0..<vectorCount {
                    let offset = v * MemoryLayout<SIMD8<Float>>.stride
                    let activation = outputBytes.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    var gradient = gradientBytes.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    gradient.replace(with: 0, where: activation .<= 0)
                    gradientBytes.storeBytes(of: gradient, toByteOffset: offset, as: SIMD8<Float>.self)
                }
                for index in vectorCount * Self.lanes..<n where o[index] <= 0 { g[index] = 0 }
            }
        }
    }

    /// The SIMD width of the explicitly vectorised kernels.
    private static let lanes = SIMD8<Float>.scalarCount

    /// Sets every row in `rowRange` (default: all rows) to the row vector `source[block]` (1 x `columns`).
    /// A layer writes its bias this way and lets the product accumulate `X W` on top (beta = 1), which
    /// saves both the product's zeroing pass and a separate bias pass.
    public mutating func setRows(to source: Matrix, _ block: MatrixBlock, rows rowRange: Range<Int>? = nil) {
        source.checkBlock(block, "Matrix.setRows source")
        precondition(
            block.rows == 1 && block.columns == columns,
            "Matrix.setRows: a \(block.rows)x\(block.columns) vector cannot fill rows of a \(shapeDescription) matrix")
        let range = rowRange ?? 0..<rows
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "Matrix.setRows: rows \(range) out of range for \(shapeDescription)")
        let width = columns
        if width == 0 { return }
        source.storage.withUnsafeBufferPointer { sp in
            storage.withUnsafeMutableBufferPointer { dp in
                let vector = sp.baseAddress! + block.offset
                for r in range { (dp.baseAddress! + r * width).update(from: vector, count: width) }
            }
        }
    }

    /// `self = (1 - weight) * self + weight * other`, entry-wise (same shape), in one pass: the Polyak
    /// averaging of a target network towards its online network.
    public mutating func blend(toward other: Matrix, weight: Float) {
        precondition(
            rows == other.rows && columns == other.columns,
            "Matrix.blend: shapes differ: \(shapeDescription) and \(other.shapeDescription)")
        let n = count, keep = 1 - weight
        other.storage.withUnsafeBufferPointer { otherBuffer in
            storage.withUnsafeMutableBufferPointer { buffer in
                guard let o = otherBuffer.baseAddress, let p = buffer.baseAddress else { return }
                for index in 0..<n { p[index] = keep * p[index] + weight * o[index] }
            }
        }
    }

    /// Copies `columnCount` columns of `source` starting at `sourceColumn` into this matrix's columns
    /// starting at `column`, row by row (same row count). Used to concatenate observation and action.
    public mutating func copyColumns(from source: Matrix, sourceColumn: Int = 0, count columnCount: Int, toColumn column: Int) {
        precondition(
            source.rows == rows && sourceColumn >= 0 && sourceColumn + columnCount <= source.columns
                && column >= 0 && column + columnCount <= columns,
            "Matrix.copyColumns: \(columnCount) columns from column \(sourceColumn) of a \(source.shapeDescription) matrix do not fit column \(column) of a \(shapeDescription) matrix")
        let width = columns, sourceWidth = source.columns
        source.storage.withUnsafeBufferPointer { sp in
            storage.withUnsafeMutableBufferPointer { dp in
                for r in 0..<rows {
                    for c in 0..<columnCount {
                        dp[r * width + column + c] = sp[r * sourceWidth + sourceColumn + c]
                    }
                }
            }
        }
    }

    /// `self += alpha * other`, entry-wise (same shape).
    public mutating func add(_ other: Matrix, scaledBy alpha: Float = 1) {
        precondition(
            rows == other.rows && columns == other.columns,
            "Matrix.add: shapes differ: \(shapeDescription) and \(other.shapeDescription)")
        other.storage.withUnsafeBufferPointer { op in
            storage.withUnsafeMutableBufferPointer { p in
                for index in p.indices { p[index] += alpha * op[index] }
            }
        }
    }

    /// Multiplies every entry by `factor`.
    public mutating func scale(by factor: Float) {
        storage.withUnsafeMutableBufferPointer { p in
            for index in p.indices { p[index] *= factor }
        }
    }

    /// True when every entry is finite (no NaN, no infinity).
    public var isFinite: Bool {
        storage.withUnsafeBufferPointer { p in
            var finite = true
            for value in p where !value.isFinite { finite = false; break }
            return finite
        }
    }
}

extension Matrix {
    /// Adds `source`'s columns starting at `sourceColumn` to all of this matrix's columns, row by row
    /// (same row count; `source` must have at least `sourceColumn + columns` columns).
    public mutating func addColumns(from source: Matrix, sourceColumn: Int) {
        precondition(
            source.rows == rows && sourceColumn >= 0 && sourceColumn + columns <= source.columns,
            "Matrix.addColumns: \(columns) columns from column \(sourceColumn) of a \(source.shapeDescription) matrix do not fit a \(shapeDescription) matrix")
        let width = columns, sourceWidth = source.columns
        source.storage.withUnsafeBufferPointer { sp in
            storage.withUnsafeMutableBufferPointer { dp in
                for r in 0..<rows {
                    for c in 0..<width { dp[r * width + c] += sp[r * sourceWidth + sourceColumn + c] }
                }
            }
        }
    }
}

extension Matrix {
    /// Overwrites every entry with `source`'s (same shape), reusing this matrix's storage.
    public mutating func copyValues(from source: Matrix) {
        precondition(
            rows == source.rows && columns == source.columns,
            "Matrix.copyValues: shapes differ: \(shapeDescription) and \(source.shapeDescription)")
        if count == 0 { return }
        source.storage.withUnsafeBufferPointer { s in
            storage.withUnsafeMutableBufferPointer { d in
                d.baseAddress!.update(from: s.baseAddress!, count: s.count)
            }
        }
    }
}
