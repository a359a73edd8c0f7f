import Foundation
import GradientCombiners
import Reporting

/// The outputs of a toy-problem comparison: the trajectory CSV, the SVG figure and a JSON-ready summary.
public enum ToyReport {
    /// One run's outcome, for `--json` and for tests.
    public struct Outcome: Codable, Equatable, Sendable {
        /// The combiner's name.
        public var combiner: String
        /// Where the run started.
        public var start: ToyPoint
        /// Where it ended.
        public var end: ToyPoint
        /// The two task losses at the end.
        public var losses: [Double]
        /// Their average at the end.
        public var averageLoss: Double
        /// Distance from the end to the set of minimisers of the average loss.
        public var distanceToAverageMinimum: Double
    }

    /// The outcome of every trajectory, in run order.
    public static func outcomes(_ trajectories: [ToyTrajectory]) -> [Outcome] {
        trajectories.map { trajectory in
            Outcome(
                combiner: trajectory.combiner.rawValue, start: trajectory.start, end: trajectory.end,
                losses: trajectory.finalLosses, averageLoss: trajectory.finalAverageLoss,
                distanceToAverageMinimum: trajectory.problem.distanceToAverageMinimum(from: trajectory.end))
        }
    }

    /// The comparison figure: one panel per combiner (in the order given), contours of the average loss
    /// on a `resolution` x `resolution` grid, the Pareto set and the trajectories.
    public static func figure(
        problem: ToyProblem, combiners: [CombinerKind], trajectories: [ToyTrajectory], caption: String, resolution: Int = 161
    ) -> String {
        let range = problem.plotRange
        let grid = (0..<resolution).map { j in
            (0..<resolution).map { i in
                problem.averageLoss(at: ToyPoint(
                    range.x.lowerBound + Double(i) / Double(resolution - 1) * (range.x.upperBound - range.x.lowerBound),
                    range.y.lowerBound + Double(j) / Double(resolution - 1) * (range.y.upperBound - range.y.lowerBound)))
            }
        }
        let panels = combiners.map { kind in
            ToyFigure.Panel(
                title: kind.rawValue,
                trajectories: trajectories.filter { $0.combiner == kind }.map { $0.points.map { (x: $0.x, y: $0.y) } })
        }
        let figure = ToyFigure(
            title: "\(problem.rawValue) toy problem: \(problem.summary)",
            xRange: range.x, yRange: range.y, grid: grid,
            paretoSet: problem.paretoSet.map { (x: $0.x, y: $0.y) },
            target: problem.averageMinimum.map { (x: $0.x, y: $0.y) },
            panels: panels, caption: caption)
        return figure.render()
    }
}
