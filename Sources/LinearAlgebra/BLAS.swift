internal import COpenBLAS

/// Whether a product reads an operand as stored or transposed.
public enum Transpose: Sendable {
    /// Use the operand as stored.
    case none
    /// Use the operand's transpose (free: BLAS reads it in the other order).
    case transposed

    fileprivate var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// Products and vector kernels on OpenBLAS. Every entry point checks the shapes and names them in its
/// precondition message, so a mismatch stops with a readable error instead of corrupting memory.
public enum BLAS {
    /// The number of threads OpenBLAS uses. Set it once per process, before any product: changing it
    /// in a running process gave misleading timings on this machine class.
    public static var threadCount: Int {
        get {
            _ = OpenBLASKernels.coreName
            return Int(openblas_get_num_threads())
        }
        set {
            _ = OpenBLASKernels.coreName
            precondition(newValue >= 1, "BLAS.threadCount must be at least 1, got \(newValue)")
            openblas_set_num_threads(Int32(newValue))
        }
    }

    /// The OpenBLAS build description (version, target core), for benchmark reports.
    public static var configuration: String {
        _ = OpenBLASKernels.coreName
        return String(cString: openblas_get_config())
    }

    /// The kernels OpenBLAS uses on this CPU (`Haswell`, `SkylakeX`, `Zen`, ...), after `OpenBLASKernels`
    /// replaced the Prescott fallback that an OpenBLAS older than the CPU picks.
    public static var coreName: String { OpenBLASKernels.coreName }

    /// `c[cBlock] = alpha * op(a[aBlock]) * op(b[bBlock]) + beta * c[cBlock]`.
    ///
    /// Blocks default to the whole matrix. `c` must not be `a` or `b` (Swift's exclusivity rules
    /// already forbid passing the same variable).
    public static func gemm(
        _ a: Matrix, _ aBlock: MatrixBlock? = nil, _ transposeA: Transpose = .none,
        _ b: Matrix, _ bBlock: MatrixBlock? = nil, _ transposeB: Transpose = .none,
        into c: inout Matrix, _ cBlock: MatrixBlock? = nil,
        alpha: Float = 1, beta: Float = 0
    ) {
        let cb = cBlock ?? c.whole
        c.checkBlock(cb, "BLAS.gemm result C")
        c.storage.withUnsafeMutableBufferPointer { cp in
            product(a, aBlock, transposeA, b, bBlock, transposeB, into: cp.baseAddress, cb, alpha: alpha, beta: beta)
        }
    }

    /// `c[cBlock] = alpha * op(a[aBlock]) * op(b[bBlock]) + beta * c[cBlock]` into a matrix that pieces of
    /// work running at once share (`SharedMatrix`): the same product, written through the shared access.
    public static func gemm(
        _ a: Matrix, _ aBlock: MatrixBlock? = nil, _ transposeA: Transpose = .none,
        _ b: Matrix, _ bBlock: MatrixBlock? = nil, _ transposeB: Transpose = .none,
        into c: SharedMatrix, _ cBlock: MatrixBlock,
        alpha: Float = 1, beta: Float = 0
    ) {
        c.checkBlock(cBlock, "BLAS.gemm result C")
        product(a, aBlock, transposeA, b, bBlock, transposeB, into: c.base, cBlock, alpha: alpha, beta: beta)
    }

    /// The product behind both `gemm`s, with C's block already checked against its matrix.
    private static func product(
        _ a: Matrix, _ aBlock: MatrixBlock?, _ transposeA: Transpose,
        _ b: Matrix, _ bBlock: MatrixBlock?, _ transposeB: Transpose,
        into c: UnsafeMutablePointer<Float>?, _ cb: MatrixBlock,
        alpha: Float, beta: Float
    ) {
        _ = OpenBLASKernels.coreName
        let ab = aBlock ?? a.whole, bb = bBlock ?? b.whole
        a.checkBlock(ab, "BLAS.gemm operand A")
        b.checkBlock(bb, "BLAS.gemm operand B")
        let (m, k) = transposeA == .none ? (ab.rows, ab.columns) : (ab.columns, ab.rows)
        let (kb, n) = transposeB == .none ? (bb.rows, bb.columns) : (bb.columns, bb.rows)
        precondition(
            k == kb && cb.rows == m && cb.columns == n,
            "BLAS.gemm: shapes do not match: op(A) is \(m)x\(k), op(B) is \(kb)x\(n), C is \(cb.rows)x\(cb.columns)")
        guard m > 0 && n > 0, let c else { return }
        if k == 0 {
            scaleBlock(c, cb, by: beta)
            return
        }
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                cblas_sgemm(
                    CblasRowMajor, transposeA.cblas, transposeB.cblas,
                    Int32(m), Int32(n), Int32(k), alpha,
                    ap.baseAddress! + ab.offset, Int32(ab.stride),
                    bp.baseAddress! + bb.offset, Int32(bb.stride), beta,
                    c + cb.offset, Int32(cb.stride))
            }
        }
    }

    /// `y[yOffset..<yOffset+m] = alpha * op(a[aBlock]) * x[xOffset..<xOffset+n] + beta * y[...]`, where x
    /// and y are read as flat vectors (any shape, contiguous entries).
    public static func gemv(
        _ a: Matrix, _ aBlock: MatrixBlock? = nil, _ transposeA: Transpose = .none,
        _ x: Matrix, xOffset: Int = 0,
        into y: inout Matrix, yOffset: Int = 0,
        alpha: Float = 1, beta: Float = 0
    ) {
        _ = OpenBLASKernels.coreName
        let ab = aBlock ?? a.whole
        a.checkBlock(ab, "BLAS.gemv matrix A")
        let (m, n) = transposeA == .none ? (ab.rows, ab.columns) : (ab.columns, ab.rows)
        precondition(
            xOffset >= 0 && xOffset + n <= x.count && yOffset >= 0 && yOffset + m <= y.count,
            "BLAS.gemv: op(A) is \(m)x\(n) but x has \(x.count - xOffset) entries from offset \(xOffset) and y has \(y.count - yOffset) from offset \(yOffset)")
        if m == 0 { return }
        if n == 0 {
            y.storage.withUnsafeMutableBufferPointer { scaleBlock($0.baseAddress!, MatrixBlock(offset: yOffset, rows: 1, columns: m), by: beta) }
            return
        }
        a.storage.withUnsafeBufferPointer { ap in
            x.storage.withUnsafeBufferPointer { xp in
                y.storage.withUnsafeMutableBufferPointer { yp in
                    cblas_sgemv(
                        CblasRowMajor, transposeA.cblas, Int32(ab.rows), Int32(ab.columns), alpha,
                        ap.baseAddress! + ab.offset, Int32(ab.stride),
                        xp.baseAddress! + xOffset, 1, beta, yp.baseAddress! + yOffset, 1)
                }
            }
        }
    }

    /// The Gram matrix of the rows: `gram = a * a^T` (`a` is K x P, `gram` becomes K x K, full, symmetric).
    public static func gram(_ a: Matrix, into gram: inout Matrix) {
        _ = OpenBLASKernels.coreName
        precondition(
            gram.rows == a.rows && gram.columns == a.rows,
            "BLAS.gram: a \(a.shapeDescription) matrix needs a \(a.rows)x\(a.rows) result, got \(gram.shapeDescription)")
        if a.rows == 0 { return }
        if a.columns == 0 {
            gram.fill(0)
            return
        }
        let k = a.rows
        a.storage.withUnsafeBufferPointer { ap in
            gram.storage.withUnsafeMutableBufferPointer { gp in
                cblas_ssyrk(
                    CblasRowMajor, CblasUpper, CblasNoTrans, Int32(k), Int32(a.columns), 1,
                    ap.baseAddress!, Int32(a.columns), 0, gp.baseAddress!, Int32(k))
                for row in 0..<k {
                    for column in 0..<row { gp[row * k + column] = gp[column * k + row] }
                }
            }
        }
    }

    /// `y[yOffset..<yOffset+n] += alpha * x[xOffset..<xOffset+n]`.
    public static func axpy(
        _ alpha: Float, _ x: Matrix, xOffset: Int = 0, into y: inout Matrix, yOffset: Int = 0, count n: Int
    ) {
        precondition(
            n >= 0 && xOffset >= 0 && xOffset + n <= x.count && yOffset >= 0 && yOffset + n <= y.count,
            "BLAS.axpy: \(n) entries do not fit x (\(x.count) entries, offset \(xOffset)) and y (\(y.count) entries, offset \(yOffset))")
        if n == 0 { return }
        _ = OpenBLASKernels.coreName
        x.storage.withUnsafeBufferPointer { xp in
            y.storage.withUnsafeMutableBufferPointer { yp in
                cblas_saxpy(Int32(n), alpha, xp.baseAddress! + xOffset, 1, yp.baseAddress! + yOffset, 1)
            }
        }
    }

    /// The dot product of `x` and `y` read as flat vectors of the same size.
    public static func dot(_ x: Matrix, _ y: Matrix) -> Float {
        precondition(x.count == y.count, "BLAS.dot: sizes differ: \(x.shapeDescription) and \(y.shapeDescription)")
        if x.count == 0 { return 0 }
        _ = OpenBLASKernels.coreName
        return x.storage.withUnsafeBufferPointer { xp in
            y.storage.withUnsafeBufferPointer { yp in
                cblas_sdot(Int32(x.count), xp.baseAddress!, 1, yp.baseAddress!, 1)
            }
        }
    }

    private static func scaleBlock(_ c: UnsafeMutablePointer<Float>, _ block: MatrixBlock, by beta: Float) {
        for r in 0..<block.rows {
            let start = block.offset + r * block.stride
            for index in start..<start + block.columns { c[index] = beta == 0 ? 0 : c[index] * beta }
        }
    }
}
