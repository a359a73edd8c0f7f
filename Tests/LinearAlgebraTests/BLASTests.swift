import Foundation
import LinearAlgebra
import Testing

/// Naive triple loop in Double: the reference the BLAS products are checked against.
private func referenceProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    let m = a.count, k = b.count, n = b.first?.count ?? 0
    var c = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
    for i in 0..<m { for j in 0..<n { for l in 0..<k { c[i][j] += a[i][l] * b[l][j] } } }
    return c
}

private func randomMatrix(_ rows: Int, _ columns: Int, _ generator: inout SeededGenerator) -> Matrix {
    Matrix(rows: rows, columns: columns, storage: (0..<rows * columns).map { _ in generator.uniform(-1, 1) })
}

private func nested(_ m: Matrix) -> [[Double]] {
    (0..<m.rows).map { r in m.row(r).map(Double.init) }
}

@Test("gemm matches a naive product for every transpose combination", arguments: [
    (Transpose.none, Transpose.none), (.transposed, .none), (.none, .transposed), (.transposed, .transposed),
])
func gemmTransposeCombinations(transposeA: Transpose, transposeB: Transpose) {
    var generator = SeededGenerator(seed: 1)
    let (m, k, n) = (5, 7, 3)
    let a = transposeA == .none ? randomMatrix(m, k, &generator) : randomMatrix(k, m, &generator)
    let b = transposeB == .none ? randomMatrix(k, n, &generator) : randomMatrix(n, k, &generator)
    var c = Matrix(rows: m, columns: n, repeating: 1)
    BLAS.gemm(a, nil, transposeA, b, nil, transposeB, into: &c, alpha: 2, beta: 0.5)
    let opA = nested(transposeA == .none ? a : a.transposed())
    let opB = nested(transposeB == .none ? b : b.transposed())
    let expected = referenceProduct(opA, opB)
    for i in 0..<m {
        for j in 0..<n {
            #expect(abs(Double(c[i, j]) - (2 * expected[i][j] + 0.5)) < 1e-5)
        }
    }
}

@Test("gemm on blocks reads and writes only the blocks")
func gemmOnBlocks() {
    var generator = SeededGenerator(seed: 2)
    let x = randomMatrix(6, 4, &generator)
    let y = randomMatrix(6, 3, &generator)
    // Rows 2..<4 of x and y: the product x_k^T y_k, written as a 4x3 block inside a 2x20 matrix's row 1.
    var target = Matrix(rows: 2, columns: 20, repeating: 9)
    let block = target.packedBlock(row: 1, column: 5, rows: 4, columns: 3)
    BLAS.gemm(x, x.rowBlock(2..<4), .transposed, y, y.rowBlock(2..<4), .none, into: &target, block)
    let expected = referenceProduct(nested(x).dropFirst(2).prefix(2).reduce(into: [[Double]]()) { $0.append($1) }.transposedRows(),
                                    Array(nested(y)[2..<4]))
    for i in 0..<4 {
        for j in 0..<3 {
            #expect(abs(Double(target[1, 5 + i * 3 + j]) - expected[i][j]) < 1e-5)
        }
    }
    let untouched = target.storage.enumerated().filter { index, _ in index < 25 || index >= 37 }
    #expect(untouched.allSatisfy { $0.element == 9 })
}

@Test("gram is the full symmetric A A^T")
func gramMatrix() {
    var generator = SeededGenerator(seed: 3)
    let a = randomMatrix(4, 9, &generator)
    var gram = Matrix(rows: 4, columns: 4)
    BLAS.gram(a, into: &gram)
    let expected = referenceProduct(nested(a), nested(a.transposed()))
    for i in 0..<4 { for j in 0..<4 { #expect(abs(Double(gram[i, j]) - expected[i][j]) < 1e-5) } }
}

@Test("gemv, axpy and dot agree with loops")
func vectorKernels() {
    var generator = SeededGenerator(seed: 4)
    let a = randomMatrix(3, 5, &generator)
    let x = randomMatrix(1, 3, &generator)
    var y = Matrix(rows: 1, columns: 5)
    BLAS.gemv(a, nil, .transposed, x, into: &y)
    for j in 0..<5 {
        let expected = (0..<3).reduce(Float(0)) { $0 + a[$1, j] * x[0, $1] }
        #expect(abs(y[0, j] - expected) < 1e-5)
    }
    var z = y
    BLAS.axpy(2, y, into: &z, count: 5)
    #expect(z.maxAbsoluteDifference(to: Matrix(rows: 1, columns: 5, storage: y.storage.map { 3 * $0 })) < 1e-6)
    #expect(abs(BLAS.dot(y, y) - y.storage.reduce(0) { $0 + $1 * $1 }) < 1e-5)
}

@Test("mismatched shapes stop with a message instead of corrupting memory")
func mismatchedShapesAreRejected() async {
    await #expect(processExitsWith: .failure) {
        let a = Matrix(rows: 2, columns: 3)
        let b = Matrix(rows: 4, columns: 2)
        var c = Matrix(rows: 2, columns: 2)
        BLAS.gemm(a, nil, .none, b, nil, .none, into: &c)
    }
    await #expect(processExitsWith: .failure) {
        let a = Matrix(rows: 2, columns: 3)
        var c = Matrix(rows: 1, columns: 4)
        BLAS.gemm(a, a.rowBlock(0..<3), .none, a, nil, .transposed, into: &c)
    }
}

extension Array where Element == [Double] {
    fileprivate func transposedRows() -> [[Double]] {
        guard let width = first?.count else { return [] }
        return (0..<width).map { column in map { $0[column] } }
    }
}

@Test("OpenBLAS runs vector kernels on a CPU with AVX2, not the Prescott fallback of an OpenBLAS older than the CPU")
func kernelsMatchTheCPU() throws {
    let environment = ProcessInfo.processInfo.environment
    // A core the user chose is kept, whatever it is.
    if let chosen = environment["OPENBLAS_CORETYPE"], chosen.lowercased() == "prescott" { return }
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return }
    let features = Set(flags.split(separator: " ").map(String.init))
    guard features.contains("avx2") && features.contains("fma") else { return }
    #expect(BLAS.coreName.lowercased() != "prescott", "OpenBLAS reports \(BLAS.coreName) on a CPU with AVX2 and FMA")
    // The kernels chosen still compute: a small product against the plain sum.
    var c = Matrix(rows: 2, columns: 2)
    let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6]), b = Matrix(rows: 3, columns: 2, storage: [1, 0, 0, 1, 1, 1])
    BLAS.gemm(a, nil, .none, b, nil, .none, into: &c)
    #expect(c.storage == [4, 5, 10, 11])
}
