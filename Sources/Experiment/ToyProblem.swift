import Foundation

/// A point of a two-dimensional toy problem's parameter plane.
public struct ToyPoint: Codable, Equatable, Sendable, CustomStringConvertible {
    /// First coordinate (x in the CAGrad paper, theta_1 in the PCGrad paper).
    public var x: Double
    /// Second coordinate (y, theta_2).
    public var y: Double

    /// The point (x, y).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x), \(y))" }
}

/// The two-task, two-parameter problems the CAGrad and PCGrad papers use to show how combiners move.
///
/// Both have narrow curved valleys where one task's loss dives (a log of a distance, floored at
/// 5e-6) and conflicting gradients elsewhere, so the mean gradient can stall where the two tasks
/// balance, while surgery or conflict-averse updates keep descending. Losses and their exact gradients
/// are evaluated in Double. The gradients follow PyTorch's conventions at the kinks, as the papers'
/// code computes them with autograd: `clamp(v, min)` passes the gradient when v >= min (ties included),
/// and |u| has derivative 0 at u = 0. (This matters at the start (0, 0) of the CAGrad problem: with the
/// tie excluded the gradient there would be exactly zero.)
public enum ToyProblem: String, CaseIterable, Codable, Sendable {
    /// The CAGrad paper's problem (Liu et al., 2021, figure 1; see REFERENCE.md section 5).
    case cagrad
    /// The PCGrad paper's problem (Yu et al., 2020, figure 1).
    case pcgrad

    /// The floor inside the logarithms, 5e-6 in both papers' code.
    public static let lower = 5e-6

    /// A one-line description, for help texts.
    public var summary: String {
        switch self {
        case .cagrad: return "CAGrad paper, figure 1: two tasks whose average has its minimum at (0, -8.3552)"
        case .pcgrad: return "PCGrad paper, figure 1: two log-valleys that meet near theta_1 = -2, tanh(theta_2) = 1"
        }
    }

    /// The papers' starting points.
    public var defaultStarts: [ToyPoint] {
        switch self {
        case .cagrad: return [ToyPoint(-8.5, 7.5), ToyPoint(-8.5, 5), ToyPoint(0, 0), ToyPoint(9, 9), ToyPoint(10, -8)]
        case .pcgrad: return [ToyPoint(0.5, -3)]
        }
    }

    /// Adam's learning rate in both papers.
    public var learningRate: Double { 1e-3 }

    /// Adam steps per trajectory: 100,000 in the CAGrad paper; 500,000 for the PCGrad problem, the budget
    /// of public reproductions of its figure, because Adam's steps shrink along the narrow valley (with
    /// 100,000, PCGrad is still on its way to the joint minimum).
    public var defaultSteps: Int {
        switch self {
        case .cagrad: return 100_000
        case .pcgrad: return 500_000
        }
    }

    /// The plotted region: x range then y range.
    public var plotRange: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        switch self {
        case .cagrad: return (-10...10, -10...10)
        case .pcgrad: return (-5...5, -5...10)
        }
    }

    /// The Pareto set as a polyline, for the figure. CAGrad problem: x in [-7, 7] at y = -8.3552, where
    /// both tasks' quadratic bowls share their y and the gradients are opposite. PCGrad problem: both
    /// losses reach their floor together where 0.5 t1 + tanh t2 and 0.5 t1 - tanh t2 + 2 are both within
    /// 5e-6 of zero, that is t1 = -2 and t2 above atanh(1 - 5e-6) = 6.45.
    public var paretoSet: [ToyPoint] {
        switch self {
        case .cagrad: return [ToyPoint(-7, -8.3552), ToyPoint(7, -8.3552)]
        case .pcgrad: return [ToyPoint(-2, 6.45), ToyPoint(-2, 10)]
        }
    }

    /// The point where the average loss is smallest, when it is a single point: (0, -8.3552) for the
    /// CAGrad problem (the point CAGrad should reach). The PCGrad problem's minimisers form a ray (see
    /// `paretoSet`), so it has none.
    public var averageMinimum: ToyPoint? {
        switch self {
        case .cagrad: return ToyPoint(0, -8.3552)
        case .pcgrad: return nil
        }
    }

    /// The distance from `point` to the set of minimisers of the average loss: the point (0, -8.3552)
    /// for the CAGrad problem, the ray t1 = -2, t2 >= 6.45 for the PCGrad problem.
    public func distanceToAverageMinimum(from point: ToyPoint) -> Double {
        let nearest: ToyPoint
        switch self {
        case .cagrad: nearest = ToyPoint(0, -8.3552)
        case .pcgrad: nearest = ToyPoint(-2, max(point.y, 6.45))
        }
        return ((point.x - nearest.x) * (point.x - nearest.x) + (point.y - nearest.y) * (point.y - nearest.y)).squareRoot()
    }

    /// The two task losses at `point`.
    public func losses(at point: ToyPoint) -> (Double, Double) {
        let (x, y) = (point.x, point.y)
        switch self {
        case .cagrad:
            let c1 = max(tanh(y / 2), 0), c2 = max(tanh(-y / 2), 0)
            let f1 = log(max(abs(0.5 * (-x - 7) - tanh(-y)), Self.lower)) + 6
            let f2 = log(max(abs(0.5 * (-x + 3) + tanh(-y) + 2), Self.lower)) + 6
            let q1 = ((-x + 7) * (-x + 7) + 0.1 * (-y - 8) * (-y - 8)) / 10 - 20
            let q2 = ((-x - 7) * (-x - 7) + 0.1 * (-y - 8) * (-y - 8)) / 10 - 20
            return (c1 * f1 + c2 * q1, c1 * f2 + c2 * q2)
        case .pcgrad:
            let l1 = 20 * log(max(abs(0.5 * x + tanh(y)), Self.lower))
            let l2 = 25 * log(max(abs(0.5 * x - tanh(y) + 2), Self.lower))
            return (l1, l2)
        }
    }

    /// The average of the two losses, the objective plain multi-task training minimises.
    public func averageLoss(at point: ToyPoint) -> Double {
        let (l1, l2) = losses(at: point)
        return (l1 + l2) / 2
    }

    /// The exact gradients of the two task losses at `point`: (dL1/dx, dL1/dy) and (dL2/dx, dL2/dy).
    public func gradients(at point: ToyPoint) -> (ToyPoint, ToyPoint) {
        let (x, y) = (point.x, point.y)
        let sechSquaredY = Self.sechSquared(y)
        switch self {
        case .cagrad:
            let half = tanh(y / 2)
            let c1 = max(half, 0), c2 = max(-half, 0)
            let halfSlope = 0.5 * Self.sechSquared(y / 2)
            let dc1 = half >= 0 ? halfSlope : 0
            let dc2 = -half >= 0 ? -halfSlope : 0
            // f1 = log|u1| + 6 with u1 = -x/2 - 7/2 + tanh y; f2 = log|u2| + 6 with u2 = -x/2 + 7/2 - tanh y.
            let u1 = 0.5 * (-x - 7) - tanh(-y), u2 = 0.5 * (-x + 3) + tanh(-y) + 2
            let f1 = log(max(abs(u1), Self.lower)) + 6, f2 = log(max(abs(u2), Self.lower)) + 6
            let r1 = Self.logSlope(u1), r2 = Self.logSlope(u2)
            let (df1dx, df1dy) = (-0.5 * r1, sechSquaredY * r1)
            let (df2dx, df2dy) = (-0.5 * r2, -sechSquaredY * r2)
            let q1 = ((-x + 7) * (-x + 7) + 0.1 * (-y - 8) * (-y - 8)) / 10 - 20
            let q2 = ((-x - 7) * (-x - 7) + 0.1 * (-y - 8) * (-y - 8)) / 10 - 20
            let (dq1dx, dq2dx, dqdy) = ((x - 7) / 5, (x + 7) / 5, 0.02 * (y + 8))
            let g1 = ToyPoint(c1 * df1dx + c2 * dq1dx, dc1 * f1 + c1 * df1dy + dc2 * q1 + c2 * dqdy)
            let g2 = ToyPoint(c1 * df2dx + c2 * dq2dx, dc1 * f2 + c1 * df2dy + dc2 * q2 + c2 * dqdy)
            return (g1, g2)
        case .pcgrad:
            let r1 = Self.logSlope(0.5 * x + tanh(y)), r2 = Self.logSlope(0.5 * x - tanh(y) + 2)
            return (ToyPoint(10 * r1, 20 * sechSquaredY * r1), ToyPoint(12.5 * r2, -25 * sechSquaredY * r2))
        }
    }

    /// d/du log(max(|u|, lower)): 1/u above the floor, 0 below it (PyTorch's clamp passes the tie).
    private static func logSlope(_ u: Double) -> Double {
        abs(u) >= lower ? 1 / u : 0
    }

    /// 1 / cosh(v)^2, the derivative of tanh, without the cancellation of 1 - tanh(v)^2.
    private static func sechSquared(_ v: Double) -> Double {
        let c = cosh(v)
        return 1 / (c * c)
    }
}
