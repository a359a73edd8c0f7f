import Foundation
import GradientCombiners
import LinearAlgebra

/// Runs one combiner once on the gradients `rows` and returns the combined gradient and the report.
func combineOnce(
    _ kind: CombinerKind, _ rows: [[Float]], options: CombinerOptions = CombinerOptions(), seed: UInt64 = 0
) throws -> (combined: [Double], report: CombinationReport) {
    let gradients = Matrix(rows)
    var combiner = try makeCombiner(kind: kind, options: options, taskCount: gradients.rows, seed: seed)
    var combined = Matrix(rows: 1, columns: gradients.columns)
    let report = try combiner.combine(gradients, into: &combined)
    return (combined.storage.map(Double.init), report)
}

/// Random task gradients: K rows of P standard normal entries, each row scaled by a random factor in
/// [0.1, 10) so norms differ, with a shared component so that some pairs agree and some conflict.
func randomGradients(tasks k: Int, parameters p: Int, seed: UInt64) -> [[Float]] {
    var generator = SeededGenerator(seed: seed)
    let shared = (0..<p).map { _ in generator.normal() }
    return (0..<k).map { _ in
        let scale = Float(0.1 * pow(100, generator.nextUnitDouble()))
        let mix = generator.uniform(-0.5, 1)
        return (0..<p).map { index in scale * (mix * shared[index] + generator.normal()) }
    }
}

func dot(_ x: [Double], _ y: [Double]) -> Double {
    var total = 0.0
    for index in x.indices { total += x[index] * y[index] }
    return total
}
func norm(_ x: [Double]) -> Double { dot(x, x).squareRoot() }
func doubles(_ rows: [[Float]]) -> [[Double]] { rows.map { $0.map(Double.init) } }
func meanRow(_ rows: [[Double]]) -> [Double] {
    combination([Double](repeating: 1 / Double(rows.count), count: rows.count), rows)
}
/// sum_i weights[i] * rows[i], in Double.
func combination(_ weights: [Double], _ rows: [[Double]]) -> [Double] {
    var result = [Double](repeating: 0, count: rows[0].count)
    for (weight, row) in zip(weights, rows) {
        for index in row.indices { result[index] += weight * row[index] }
    }
    return result
}

/// Whether |actual - expected| <= tolerance entry by entry.
func close(_ actual: [Double], _ expected: [Double], _ tolerance: Double) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }
}
