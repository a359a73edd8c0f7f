/// The settings of multi-task multi-head SAC. Defaults are the PCGrad/CAGrad papers' MT10 agent
/// (REFERENCE.md section 3) except the network width and batch size, which the experiment config sets.
public struct SACHyperparameters: Codable, Equatable, Sendable {
    /// Widths of the shared trunk's hidden layers (actor and each critic). Papers: [400, 400, 400].
    public var hiddenSizes: [Int]
    /// Transitions sampled from each task's replay buffer per update (papers: 128).
    public var batchSizePerTask: Int
    /// Discount factor gamma.
    public var discount: Float
    /// Polyak averaging rate of the target critics, applied after every update.
    public var targetSmoothing: Float
    /// Adam step size of the actor.
    public var actorLearningRate: Float
    /// Adam step size of the two critics.
    public var criticLearningRate: Float
    /// Adam step size of the per-task log-temperatures.
    public var temperatureLearningRate: Float
    /// Initial temperature alpha of every task (papers: 1.0).
    public var initialTemperature: Float
    /// Target entropy; `nil` means -|A| (papers: -4).
    public var targetEntropy: Float?
    /// Lower bound of the policy's log standard deviation (papers: -20).
    public var logStdMin: Float
    /// Upper bound of the policy's log standard deviation (papers: 2).
    public var logStdMax: Float
    /// Layer normalisation before every ReLU of the critics' trunks (papers: off; BRO/BRC: on).
    public var criticLayerNorm: Bool
    /// Layer normalisation before every ReLU of the actor's trunk (papers: off).
    public var actorLayerNorm: Bool
    /// Largest global L2 norm of one update's actor gradient and of the two critics' gradient (together),
    /// after the combiner; a longer gradient is scaled down to it. 0 turns clipping off (papers: off;
    /// Meta-World+: 1).
    public var gradientClipNorm: Float

    /// The papers' settings with a configurable trunk and batch.
    public init(
        hiddenSizes: [Int] = [400, 400, 400], batchSizePerTask: Int = 128, discount: Float = 0.99,
        targetSmoothing: Float = 0.005, actorLearningRate: Float = 3e-4, criticLearningRate: Float = 3e-4,
        temperatureLearningRate: Float = 3e-4, initialTemperature: Float = 1, targetEntropy: Float? = nil,
        logStdMin: Float = -20, logStdMax: Float = 2, criticLayerNorm: Bool = false, actorLayerNorm: Bool = false,
        gradientClipNorm: Float = 0
    ) {
        self.hiddenSizes = hiddenSizes
        self.batchSizePerTask = batchSizePerTask
        self.discount = discount
        self.targetSmoothing = targetSmoothing
        self.actorLearningRate = actorLearningRate
        self.criticLearningRate = criticLearningRate
        self.temperatureLearningRate = temperatureLearningRate
        self.initialTemperature = initialTemperature
        self.targetEntropy = targetEntropy
        self.logStdMin = logStdMin
        self.logStdMax = logStdMax
        self.criticLayerNorm = criticLayerNorm
        self.actorLayerNorm = actorLayerNorm
        self.gradientClipNorm = gradientClipNorm
    }

    /// Problems with these settings, one sentence each (empty when valid).
    public func problems() -> [String] {
        var found = [String]()
        if hiddenSizes.isEmpty || hiddenSizes.contains(where: { $0 < 1 }) { found.append("hidden sizes must be a non-empty list of positive widths, got \(hiddenSizes)") }
        if batchSizePerTask < 1 { found.append("batch size per task must be at least 1, got \(batchSizePerTask)") }
        if !(discount >= 0 && discount <= 1) { found.append("discount must be in [0, 1], got \(discount)") }
        if !(targetSmoothing > 0 && targetSmoothing <= 1) { found.append("target smoothing (tau) must be in (0, 1], got \(targetSmoothing)") }
        for (name, rate) in [("actor", actorLearningRate), ("critic", criticLearningRate), ("temperature", temperatureLearningRate)] where !(rate >= 0 && rate.isFinite) {
            found.append("\(name) learning rate must be finite and non-negative, got \(rate)")
        }
        if !(initialTemperature > 0 && initialTemperature.isFinite) { found.append("initial temperature must be positive, got \(initialTemperature)") }
        if !(gradientClipNorm >= 0 && gradientClipNorm.isFinite) { found.append("gradient clip norm must be finite and non-negative (0: off), got \(gradientClipNorm)") }
        if !(logStdMin < logStdMax) { found.append("log-std bounds must satisfy min < max, got [\(logStdMin), \(logStdMax)]") }
        return found
    }
}
