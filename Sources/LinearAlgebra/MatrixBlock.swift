/// A rectangular block inside a matrix's storage: `rows` x `columns`, row-major, rows `stride` entries
/// apart, starting at entry `offset`.
///
/// Blocks let one product read or write part of a matrix without copying: a task's contiguous rows of a
/// batch, or one layer's weights inside a flat parameter vector, or task k's slice of the K x P
/// per-task gradient matrix viewed as a weight-shaped matrix.
public struct MatrixBlock: Equatable, Sendable, CustomStringConvertible {
    /// Index in the storage of the block's entry (0, 0).
    public var offset: Int
    /// Number of rows of the block.
    public var rows: Int
    /// Number of columns of the block.
    public var columns: Int
    /// Distance in entries between the starts of two consecutive rows (at least `columns`).
    public var stride: Int

    /// A block of `rows` x `columns` entries starting at `offset`, rows `stride` apart (default: packed).
    public init(offset: Int, rows: Int, columns: Int, stride: Int? = nil) {
        let rowStride = stride ?? columns
        precondition(
            offset >= 0 && rows >= 0 && columns >= 0 && rowStride >= max(columns, 1),
            "MatrixBlock: invalid block offset \(offset), \(rows)x\(columns), stride \(rowStride)")
        self.offset = offset
        self.rows = rows
        self.columns = columns
        self.stride = rowStride
    }

    /// One past the last storage index the block touches.
    public var end: Int { rows == 0 || columns == 0 ? offset : offset + (rows - 1) * stride + columns }

    public var description: String { "\(rows)x\(columns) block at offset \(offset) (stride \(stride))" }
}

extension Matrix {
    /// The whole matrix as a block.
    public var whole: MatrixBlock { MatrixBlock(offset: 0, rows: rows, columns: columns) }

    /// Rows `range` (all columns) as a block.
    public func rowBlock(_ range: Range<Int>) -> MatrixBlock {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= rows,
            "Matrix: rows \(range) out of range for a \(shapeDescription) matrix")
        return MatrixBlock(offset: range.lowerBound * columns, rows: range.count, columns: columns)
    }

    /// `rows` x `columns` consecutive entries of row `row` starting at column `column`, read as a packed
    /// matrix. This is how a layer's weight matrix is found inside a flat parameter row.
    public func packedBlock(row: Int = 0, column: Int, rows blockRows: Int, columns blockColumns: Int) -> MatrixBlock {
        precondition(
            row >= 0 && row < rows && column >= 0 && column + blockRows * blockColumns <= columns,
            "Matrix: a packed \(blockRows)x\(blockColumns) block at row \(row), column \(column) does not fit in a \(shapeDescription) matrix")
        return MatrixBlock(offset: row * columns + column, rows: blockRows, columns: blockColumns)
    }

    func checkBlock(_ block: MatrixBlock, _ name: String) {
        precondition(
            block.end <= count,
            "\(name): \(block) exceeds a \(shapeDescription) matrix (\(count) entries)")
    }
}
