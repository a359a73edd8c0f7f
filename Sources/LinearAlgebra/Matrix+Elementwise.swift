/// The element-wise kernels a network needs, written as plain loops over contiguous storage (the
/// compiler vectorises them in release builds) and all in place, so they do not allocate.
extension Matrix {
    /// Adds the row vector `source[block]` (1 x `columns`) to every row in `rowRange` (default: all rows).
    public mutating func addRowVector(_ source: Matrix, _ block: MatrixBlock, rows rowRange: Range<Int>? = nil) {
        source.checkBlock(block, "Matrix.addRowVector source")
        precondition(
            block.rows == 1 && block.columns == columns,
            "Matrix.addRowVector: a \(block.rows)x\(block.columns) vector cannot be added to rows of a \(shapeDescription) matrix")
        let range = rowRange ?? 0..<rows
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "Matrix.addRowVector: rows \(range) out of range for \(shapeDescription)")
        let width = columns
        source.storage.withUnsafeBufferPointer { sp in
            storage.withUnsafeMutableBufferPointer { dp in
                let vector = sp.baseAddress! + block.offset
                for r in range {
                    let row = dp.baseAddress! + r * width
                    for c in 0..<width { row[c] += vector[c] }
                }
            }
        }
    }

    /// Writes (or, with `accumulate`, adds) the column sums of rows `rowRange` into the 1 x `columns`
    /// block `block` of `target`. This is a bias gradient.
    public func sumRows(_ rowRange: Range<Int>? = nil, into target: inout Matrix, _ block: MatrixBlock, accumulate: Bool = false) {
        target.checkBlock(block, "Matrix.sumRows target")
        precondition(
            block.rows == 1 && block.columns == columns,
            "Matrix.sumRows: the column sums of a \(shapeDescription) matrix do not fit a \(block.rows)x\(block.columns) block")
        let range = rowRange ?? 0..<rows
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "Matrix.sumRows: rows \(range) out of range for \(shapeDescription)")
        let width = columns
        storage.withUnsafeBufferPointer { sp in
            target.storage.withUnsafeMutableBufferPointer { tp in
                let out = tp.baseAddress! + block.offset
                if !accumulate { for c in 0..<width { out[c] = 0 } }
                for r in range {
                    let row = sp.baseAddress! + r * width
                    for c in 0..<width { out[c] += row[c] }
                }
            }
        }
    }

    /// Replaces every entry x by max(x, 0).
    public mutating func applyReLU() {
        storage.withUnsafeMutableBufferPointer { p in
            for index in p.indices { p[index] = max(p[index], 0) }
        }
    }

    /// Zeroes the entries of this gradient where the ReLU `output` was not positive (ReLU's backward pass).
    public mutating func maskByReLU(output: Matrix) {
        precondition(
            rows == output.rows && columns == output.columns,
            "Matrix.maskByReLU: a \(shapeDescription) gradient with a \(output.shapeDescription) ReLU output")
        output.storage.withUnsafeBufferPointer { op in
            storage.withUnsafeMutableBufferPointer { gp in
                for index in gp.indices where op[index] <= 0 { gp[index] = 0 }
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
