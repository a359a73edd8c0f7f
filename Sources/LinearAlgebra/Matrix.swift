/// A dense matrix of `Float` in row-major order.
///
/// `Matrix` is the one numeric container of the learning stack: network activations, batches,
/// flat parameter vectors (as 1 x P matrices) and the K x P matrix of per-task gradients are all
/// matrices. It has value semantics (copy-on-write storage); the hot paths write into matrices
/// allocated once, through `inout`, so they do not allocate.
public struct Matrix: Equatable, Codable, Sendable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The entries, row after row: entry (r, c) is `storage[r * columns + c]`.
    public var storage: [Float]

    /// A `rows` x `columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: value, count: rows * columns)
    }

    /// A `rows` x `columns` matrix holding `storage` row after row.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)x\(columns)")
        precondition(
            storage.count == rows * columns,
            "Matrix: \(storage.count) values cannot fill a \(rows)x\(columns) matrix (needs \(rows * columns))")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from nested rows, all of the same length (convenient in tests and examples).
    public init(_ nestedRows: [[Float]]) {
        let columnCount = nestedRows.first?.count ?? 0
        for (index, row) in nestedRows.enumerated() {
            precondition(
                row.count == columnCount,
                "Matrix: row \(index) has \(row.count) values, row 0 has \(columnCount)")
        }
        self.init(rows: nestedRows.count, columns: columnCount, storage: nestedRows.flatMap { $0 })
    }

    /// The number of entries, `rows * columns`.
    public var count: Int { rows * columns }

    /// The shape as text, for messages: "RxC".
    public var shapeDescription: String { "\(rows)x\(columns)" }

    /// Entry (row, column), bounds-checked.
    public subscript(row: Int, column: Int) -> Float {
        get {
            checkIndex(row, column)
            return storage[row * columns + column]
        }
        set {
            checkIndex(row, column)
            storage[row * columns + column] = newValue
        }
    }

    /// Row `row` as a new array.
    public func row(_ row: Int) -> [Float] {
        precondition(row >= 0 && row < rows, "Matrix: row \(row) out of range for a \(shapeDescription) matrix")
        return Array(storage[row * columns..<(row + 1) * columns])
    }

    /// Sets every entry to `value` without reallocating.
    public mutating func fill(_ value: Float) {
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = value }
        }
    }

    /// Changes the shape to `rows` x `columns`, keeping the allocation when it is large enough.
    /// Contents are unspecified afterwards (zero for newly added entries).
    public mutating func reshape(rows newRows: Int, columns newColumns: Int) {
        precondition(newRows >= 0 && newColumns >= 0, "Matrix: negative shape \(newRows)x\(newColumns)")
        let needed = newRows * newColumns
        if storage.count < needed {
            storage.append(contentsOf: repeatElement(0, count: needed - storage.count))
        } else if storage.count > needed {
            storage.removeLast(storage.count - needed)
        }
        rows = newRows
        columns = newColumns
    }

    /// The transpose, as a new matrix (for tests and set-up, not hot paths: products take transposes for free).
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns {
                result.storage[c * rows + r] = storage[r * columns + c]
            }
        }
        return result
    }

    /// The largest absolute entry-wise difference to `other` (same shape required).
    public func maxAbsoluteDifference(to other: Matrix) -> Float {
        precondition(
            rows == other.rows && columns == other.columns,
            "Matrix: cannot compare a \(shapeDescription) matrix with a \(other.shapeDescription) matrix")
        var largest: Float = 0
        for index in storage.indices {
            largest = max(largest, abs(storage[index] - other.storage[index]))
        }
        return largest
    }

    private func checkIndex(_ row: Int, _ column: Int) {
        precondition(
            row >= 0 && row < rows && column >= 0 && column < columns,
            "Matrix: index (\(row), \(column)) out of range for a \(shapeDescription) matrix")
    }
}
