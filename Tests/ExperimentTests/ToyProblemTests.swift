import Experiment
import Foundation
import GradientCombiners
import Reporting
import Testing

// Check values of REFERENCE.md section 5 (computed independently from the CAGrad paper's toy code).

@Test("CAGrad toy losses at the reference points")
func cagradToyReferenceValues() {
    let cases: [(ToyPoint, Double, Double)] = [
        (ToyPoint(-8.5, 7.5), 6.552363, 7.900798),
        (ToyPoint(10, -8), -19.087190, 8.894031),
        (ToyPoint(0, -8.3552), -15.091638, -15.091638),
    ]
    for (point, l1, l2) in cases {
        let (actual1, actual2) = ToyProblem.cagrad.losses(at: point)
        #expect(abs(actual1 - l1) < 1e-5, "L1 at \(point)")
        #expect(abs(actual2 - l2) < 1e-5, "L2 at \(point)")
    }
}

@Test("the exact toy gradients match central finite differences", arguments: ToyProblem.allCases)
func toyGradientsMatchFiniteDifferences(problem: ToyProblem) {
    // Points away from the kinks (y = 0 for the CAGrad problem, the floors of the logarithms).
    let points = [ToyPoint(-8.5, 7.5), ToyPoint(10, -8), ToyPoint(3, 2.5), ToyPoint(-4, -3), ToyPoint(0.5, -3), ToyPoint(1.2, 0.7)]
    let h = 1e-6
    for point in points {
        let (g1, g2) = problem.gradients(at: point)
        let analytic = [g1.x, g1.y, g2.x, g2.y]
        func difference(_ dx: Double, _ dy: Double) -> [Double] {
            let (p1, p2) = problem.losses(at: ToyPoint(point.x + dx, point.y + dy))
            let (m1, m2) = problem.losses(at: ToyPoint(point.x - dx, point.y - dy))
            return [(p1 - m1) / (2 * h), (p2 - m2) / (2 * h)]
        }
        let byX = difference(h, 0), byY = difference(0, h)
        let numeric = [byX[0], byY[0], byX[1], byY[1]]
        for (a, n) in zip(analytic, numeric) {
            #expect(abs(a - n) <= 1e-6 * max(1, abs(n)), "\(problem) at \(point): analytic \(analytic), numeric \(numeric)")
        }
    }
}

@Test("at the start (0, 0) the CAGrad toy gradient is not zero (PyTorch's clamp passes the tie)")
func cagradToyGradientAtOrigin() {
    let (g1, g2) = ToyProblem.cagrad.gradients(at: ToyPoint(0, 0))
    #expect(g1.y != 0 && g2.y != 0)
    #expect(g1.x == 0 && g2.x == 0)
}

@Test("the PCGrad toy's two valleys meet at theta_1 = -2, tanh(theta_2) = 1")
func pcgradToyValleys() {
    let (l1, l2) = ToyProblem.pcgrad.losses(at: ToyPoint(-2, 9))
    let floor1 = 20 * log(ToyProblem.lower), floor2 = 25 * log(ToyProblem.lower)
    #expect(abs(l1 - floor1) < 1e-9 && abs(l2 - floor2) < 1e-9)
}

@Test("Adam + CAGrad reaches the average-loss minimum (0, -8.3552) from every paper start; the mean gradient gets stuck")
func cagradToyEndToEnd() throws {
    let runner = ToyRunner(problem: .cagrad, recordEvery: 10_000)
    let minimum = try #require(ToyProblem.cagrad.averageMinimum)
    for start in ToyProblem.cagrad.defaultStarts {
        let run = try runner.run(combiner: .cagrad, from: start)
        #expect(abs(run.end.x - minimum.x) < 0.01 && abs(run.end.y - minimum.y) < 0.01, "CAGrad from \(start) ended at \(run.end)")
        #expect(abs(run.finalLosses[0] - (-15.091638)) < 1e-3 && abs(run.finalLosses[1] - (-15.091638)) < 1e-3)
    }
    // The paper's figure: from (-8.5, 7.5) the mean gradient stops where the two tasks balance, far away.
    let stuck = try runner.run(combiner: .mean, from: ToyPoint(-8.5, 7.5))
    #expect(ToyProblem.cagrad.distanceToAverageMinimum(from: stuck.end) > 5, "the mean gradient ended at \(stuck.end)")
    #expect(stuck.finalAverageLoss > 0)
}

@Test("Adam on the mean gradient stalls in the PCGrad toy's first valley; Adam + PCGrad reaches the joint valley")
func pcgradToyEndToEnd() throws {
    let runner = ToyRunner(problem: .pcgrad, recordEvery: 100_000)
    let start = ToyProblem.pcgrad.defaultStarts[0]
    let mean = try runner.run(combiner: .mean, from: start)
    // In task 1's valley (L1 = 20 log|0.5 t1 + tanh t2| far below zero) with task 2's loss still high.
    #expect(mean.end.x > 1 && mean.finalLosses[0] < -100 && mean.finalLosses[1] > 25, "mean ended at \(mean.end)")
    let surgery = try runner.run(combiner: .pcgrad, from: start)
    // The joint valley is t1 = -2 where tanh t2 = 1. Adam's last steps there depend on the BLAS kernels'
    // rounding (-2.0128 with OpenBLAS's SkylakeX kernels, closer with Haswell and Zen); the losses below
    // 20 log(e^-5) = -100 already pin |0.5 t1 + tanh t2| < 0.0068, that is |t1 + 2| < 0.014.
    #expect(abs(surgery.end.x + 2) < 0.02 && tanh(surgery.end.y) > 0.9999, "PCGrad ended at \(surgery.end)")
    #expect(surgery.finalLosses[0] < -100 && surgery.finalLosses[1] < -100)
    #expect(surgery.finalAverageLoss < mean.finalAverageLoss - 50)
}

@Test("toy runs are deterministic, and the CSV and figure hold every trajectory")
func toyOutputs() throws {
    let runner = ToyRunner(problem: .cagrad, steps: 2_000, recordEvery: 500, seed: 3)
    let starts = [ToyPoint(-8.5, 7.5), ToyPoint(9, 9)]
    let kinds: [CombinerKind] = [.mean, .pcgrad]
    let first = try runner.runAll(combiners: kinds, starts: starts)
    #expect(try runner.runAll(combiners: kinds, starts: starts) == first)
    #expect(first.count == 4 && first.allSatisfy { $0.points.count == 5 && $0.steps == [0, 500, 1000, 1500, 2000] })
    let csv = ToyRunner.csv(first)
    #expect(csv.split(separator: "\n").count == 1 + 4 * 5)
    let svg = ToyReport.figure(problem: .cagrad, combiners: kinds, trajectories: first, caption: "test", resolution: 41)
    #expect(svg.hasPrefix("<?xml") && svg.contains(">pcgrad</text>") && svg.hasSuffix("</svg>\n"))
    #expect(svg.components(separatedBy: "<polyline").count > 20)
}

@Test("contour tracing finds the circle of a radial function as one closed line")
func contourCircle() {
    let n = 41
    var grid = [[Double]]()
    for j in 0..<n {
        var row = [Double]()
        for i in 0..<n { row.append(Double((i - 20) * (i - 20) + (j - 20) * (j - 20))) }
        grid.append(row)
    }
    let lines = ContourTracer.lines(grid: grid, level: 100)
    #expect(lines.count == 1)
    let line = lines[0]
    let closed = line.first!.0 == line.last!.0 && line.first!.1 == line.last!.1
    #expect(closed)
    let radii = line.map { point -> Double in
        let dx = point.0 - 20, dy = point.1 - 20
        return (dx * dx + dy * dy).squareRoot()
    }
    #expect(radii.allSatisfy { abs($0 - 10) < 0.1 })
}
