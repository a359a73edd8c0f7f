import LinearAlgebra
import Testing

@Test("WorkSplitter.forEach visits every index exactly once, in order within each thread's range")
func workSplitterCoversEveryIndex() {
    for threads in 1...4 {
        for count in 0...7 {
            var visits = Matrix(rows: 1, columns: max(count, 1))
            visits.withSharedAccess { shared in
                WorkSplitter(threadCount: threads).forEach(count) { index in
                    let one = Matrix(rows: 1, columns: 1, repeating: 1)
                    BLAS.gemm(one, nil, .none, one, nil, .none, into: shared, shared.packedBlock(column: index, rows: 1, columns: 1), beta: 1)
                }
            }
            #expect(visits.storage == [Float](repeating: 1, count: count) + (count == 0 ? [0] : []), "threads \(threads), count \(count)")
        }
    }
}

@Test("WorkSplitter.run runs both pieces, and a product into a SharedMatrix equals the ordinary one")
func workSplitterRunsBoth() {
    var generator = SeededGenerator(seed: 4)
    let a = Matrix(rows: 6, columns: 5, storage: (0..<30).map { _ in generator.uniform(-1, 1) })
    let b = Matrix(rows: 5, columns: 4, storage: (0..<20).map { _ in generator.uniform(-1, 1) })
    var expected = Matrix(rows: 6, columns: 8)
    BLAS.gemm(a, nil, .none, b, nil, .none, into: &expected, MatrixBlock(offset: 0, rows: 6, columns: 4, stride: 8))
    BLAS.gemm(a, nil, .none, b, nil, .none, into: &expected, MatrixBlock(offset: 4, rows: 6, columns: 4, stride: 8), alpha: 2)
    var result = Matrix(rows: 6, columns: 8)
    result.withSharedAccess { shared in
        WorkSplitter(threadCount: 2).run(
            { BLAS.gemm(a, nil, .none, b, nil, .none, into: shared, MatrixBlock(offset: 0, rows: 6, columns: 4, stride: 8)) },
            { BLAS.gemm(a, nil, .none, b, nil, .none, into: shared, MatrixBlock(offset: 4, rows: 6, columns: 4, stride: 8), alpha: 2) })
    }
    #expect(result == expected)
    var sums = Matrix(rows: 2, columns: 5)
    sums.withSharedAccess { shared in
        WorkSplitter(threadCount: 2).forEach(2) { row in a.sumRows(3 * row..<3 * row + 3, into: shared, shared.packedBlock(row: row, column: 0, rows: 1, columns: 5)) }
    }
    var expectedSums = Matrix(rows: 2, columns: 5)
    a.sumRows(0..<3, into: &expectedSums, expectedSums.packedBlock(row: 0, column: 0, rows: 1, columns: 5))
    a.sumRows(3..<6, into: &expectedSums, expectedSums.packedBlock(row: 1, column: 0, rows: 1, columns: 5))
    #expect(sums == expectedSums)
}
