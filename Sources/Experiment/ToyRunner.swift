import Foundation
import GradientCombiners
import LinearAlgebra
import NeuralNetworks

/// One optimisation trajectory on a toy problem: a combiner, a start, and where Adam took it.
public struct ToyTrajectory: Codable, Equatable, Sendable {
    /// The problem solved.
    public var problem: ToyProblem
    /// The combiner that turned the two task gradients into the update.
    public var combiner: CombinerKind
    /// Where the run started.
    public var start: ToyPoint
    /// The recorded points: the start, every `ToyRunner.recordEvery` steps, and the end.
    public var points: [ToyPoint]
    /// The step number of each recorded point.
    public var steps: [Int]
    /// Where the run ended.
    public var end: ToyPoint
    /// The two task losses at the end.
    public var finalLosses: [Double]
    /// The average loss at the end.
    public var finalAverageLoss: Double
}

/// Runs a toy problem the way the papers do: at every step the two exact task gradients form a 2 x 2
/// gradient matrix, the combiner turns it into one direction, and Adam (the project's optimiser, with
/// the papers' learning rate 1e-3) steps along it.
///
/// The parameters live in float32 like the papers' PyTorch code, and the losses and gradients are
/// evaluated in Double from them: float32 resolves about 1e-6 at |x| = 8, enough for valleys whose
/// floor is 5e-6 wide in the loss argument, and Adam's normalised steps are 1e-3.
public struct ToyRunner: Sendable {
    /// The problem to run.
    public var problem: ToyProblem
    /// Adam steps per trajectory.
    public var steps: Int
    /// Adam's learning rate.
    public var learningRate: Double
    /// Record a trajectory point every this many steps (the start and end are always recorded).
    public var recordEvery: Int
    /// The combiners' settings (CAGrad's c is 0.5 in the CAGrad paper's toy, the default).
    public var options: CombinerOptions
    /// Seed of the combiners' random choices (PCGrad's order, CAGrad-Fast's subset).
    public var seed: UInt64

    /// A runner with the paper's settings for `problem`, unless overridden.
    public init(
        problem: ToyProblem, steps: Int? = nil, learningRate: Double? = nil, recordEvery: Int = 100,
        options: CombinerOptions = CombinerOptions(), seed: UInt64 = 0
    ) {
        self.problem = problem
        self.steps = steps ?? problem.defaultSteps
        self.learningRate = learningRate ?? problem.learningRate
        self.recordEvery = recordEvery
        self.options = options
        self.seed = seed
    }

    /// Runs `combiner` from `start`.
    public func run(combiner kind: CombinerKind, from start: ToyPoint) throws -> ToyTrajectory {
        precondition(steps >= 0 && recordEvery >= 1, "ToyRunner: steps must be >= 0 and recordEvery >= 1")
        var combiner = try makeCombiner(kind: kind, options: options, taskCount: 2, seed: seed)
        var adam = Adam(parameterCount: 2, learningRate: Float(learningRate))
        var parameters = Matrix(rows: 1, columns: 2, storage: [Float(start.x), Float(start.y)])
        var gradients = Matrix(rows: 2, columns: 2)
        var combined = Matrix(rows: 1, columns: 2)
        func current() -> ToyPoint { ToyPoint(Double(parameters.storage[0]), Double(parameters.storage[1])) }

        var points = [current()], recordedSteps = [0]
        for step in stride(from: 1, through: steps, by: 1) {
            let (g1, g2) = problem.gradients(at: current())
            gradients.storage[0] = Float(g1.x)
            gradients.storage[1] = Float(g1.y)
            gradients.storage[2] = Float(g2.x)
            gradients.storage[3] = Float(g2.y)
            _ = try combiner.combine(gradients, into: &combined)
            adam.step(parameters: &parameters, gradient: combined)
            if step % recordEvery == 0 || step == steps {
                points.append(current())
                recordedSteps.append(step)
            }
        }
        let end = current()
        let (l1, l2) = problem.losses(at: end)
        return ToyTrajectory(
            problem: problem, combiner: kind, start: start, points: points, steps: recordedSteps,
            end: end, finalLosses: [l1, l2], finalAverageLoss: (l1 + l2) / 2)
    }

    /// Runs every combiner from every start, combiner by combiner.
    public func runAll(combiners: [CombinerKind], starts: [ToyPoint]) throws -> [ToyTrajectory] {
        try combiners.flatMap { kind in try starts.map { try run(combiner: kind, from: $0) } }
    }

    /// The trajectories as CSV: one row per recorded point, with the start index so rows group by run.
    public static func csv(_ trajectories: [ToyTrajectory]) -> String {
        var text = "problem,combiner,start_index,start_x,start_y,step,x,y,loss1,loss2,average_loss\n"
        var startIndex = [String: Int]()
        for trajectory in trajectories {
            let key = "\(trajectory.combiner.rawValue)"
            let index = startIndex[key, default: 0]
            startIndex[key] = index + 1
            for (point, step) in zip(trajectory.points, trajectory.steps) {
                let (l1, l2) = trajectory.problem.losses(at: point)
                text += "\(trajectory.problem.rawValue),\(trajectory.combiner.rawValue),\(index),\(trajectory.start.x),\(trajectory.start.y),\(step),\(point.x),\(point.y),\(l1),\(l2),\((l1 + l2) / 2)\n"
            }
        }
        return text
    }
}
