/// Write access to one matrix's entries for pieces of work that run at once (`WorkSplitter`), each
/// writing only its own blocks: for example the tasks' rows of a K x P per-task gradient matrix, or
/// two networks' column ranges of it.
///
/// Obtained with `Matrix.withSharedAccess` and valid only inside that call. Blocks are bounds-checked
/// like the matrix's own; that the pieces' blocks do not overlap is the caller's promise.
public struct SharedMatrix: @unchecked Sendable {
    /// The first entry (nil for an empty matrix).
    let base: UnsafeMutablePointer<Float>?
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int

    /// The number of entries, `rows * columns`.
    public var count: Int { rows * columns }

    /// `rows` x `columns` consecutive entries of row `row` from column `column`, read as a packed matrix
    /// (as `Matrix.packedBlock`).
    public func packedBlock(row: Int = 0, column: Int, rows blockRows: Int, columns blockColumns: Int) -> MatrixBlock {
        precondition(
            row >= 0 && row < rows && column >= 0 && column + blockRows * blockColumns <= columns,
            "SharedMatrix: a packed \(blockRows)x\(blockColumns) block at row \(row), column \(column) does not fit in a \(rows)x\(columns) matrix")
        return MatrixBlock(offset: row * columns + column, rows: blockRows, columns: blockColumns)
    }

    /// The address of `count` consecutive entries starting at flat index `offset`, for a piece of work
    /// that writes only those entries (bounds checked).
    public func entries(at offset: Int, count entryCount: Int) -> UnsafeMutablePointer<Float> {
        precondition(offset >= 0 && entryCount >= 0 && offset + entryCount <= count && base != nil,
                     "SharedMatrix: \(entryCount) entries at \(offset) exceed a \(rows)x\(columns) matrix")
        return base! + offset
    }

    func checkBlock(_ block: MatrixBlock, _ name: String) {
        precondition(block.end <= count, "\(name): \(block) exceeds a \(rows)x\(columns) matrix (\(count) entries)")
    }
}

extension Matrix {
    /// Calls `body` with write access to this matrix's entries that pieces of work running at once can
    /// share (each writing its own blocks).
    public mutating func withSharedAccess<Result>(_ body: (SharedMatrix) throws -> Result) rethrows -> Result {
        let (rowCount, columnCount) = (rows, columns)
        return try storage.withUnsafeMutableBufferPointer { buffer in
            try body(SharedMatrix(base: buffer.baseAddress, rows: rowCount, columns: columnCount))
        }
    }
}
