/// How CAGrad's update d = g0 + (c|g0|/|g_w|) g_w is scaled before it is returned.
///
/// The unscaled d is longer than the mean gradient (|d - g0| = c|g0|), so implementations divide it
/// to keep the step size comparable to plain training. Which one matters with SGD; with Adam it mostly
/// cancels out (Adam is invariant to a constant gradient scale), which is why it is easy to overlook.
public enum CAGradRescale: String, CaseIterable, Codable, Sendable {
    /// Return d as it is.
    case none
    /// Return d / (1 + c^2): LibMTL's default (`rescale=1`).
    case inverseOnePlusCSquared = "inverse-one-plus-c-squared"
    /// Return d / (1 + c): the other rescaling LibMTL offers (`rescale=2`).
    case inverseOnePlusC = "inverse-one-plus-c"

    /// The factor d is multiplied by, for a given c.
    public func factor(c: Double) -> Double {
        switch self {
        case .none: return 1
        case .inverseOnePlusCSquared: return 1 / (1 + c * c)
        case .inverseOnePlusC: return 1 / (1 + c)
        }
    }
}

/// Whether K per-task vectors are added up or averaged.
public enum GradientReduction: String, CaseIterable, Codable, Sendable {
    /// Add them: what the PCGrad paper's Algorithm 1 does.
    case sum
    /// Average them (divide the sum by K): what mtrl's PCGrad port does. A K-times smaller step with
    /// SGD; with Adam nearly the same as `sum`.
    case mean
}

/// In which order PCGrad visits the other tasks when it projects task i's gradient.
public enum PCGradOrder: String, CaseIterable, Codable, Sendable {
    /// A fresh uniformly random order for every task at every update, as in the paper. The random
    /// choices come from the combiner's own seeded generator, which checkpoints save.
    case random
    /// Index order (0, 1, ..., K-1, skipping i): deterministic, for tests and for comparing against
    /// other implementations.
    case fixed
}

/// The settings of every combiner, with the papers' defaults. Each field is read only by the combiners
/// it names; `validate(taskCount:kind:)` checks them before a combiner is built.
///
/// Decoding (from a config file) accepts any subset of the fields, takes the defaults for the rest,
/// and rejects unknown field names, so a typo cannot silently fall back to a default.
public struct CombinerOptions: Codable, Equatable, Sendable {
    /// CAGrad's c >= 0: the radius of the ball around the mean gradient g0, as a fraction of |g0|, in
    /// which the update may move to help the worst task. 0 is plain mean-gradient training; large c
    /// approaches MGDA. The CAGrad paper uses 0.9 on MT10 and 0.5 on MT50 and the toy problem.
    public var cagradC: Double
    /// How CAGrad's (and CAGrad-Fast's) update is scaled. Default 1/(1+c^2), LibMTL's default.
    public var cagradRescale: CAGradRescale
    /// PCGrad: sum (the paper's Algorithm 1, default) or mean (mtrl's port) of the projected gradients.
    public var pcgradReduction: GradientReduction
    /// PCGrad: random order of the other tasks (the paper, default) or fixed index order.
    public var pcgradOrder: PCGradOrder
    /// CAGrad-Fast: how many tasks are sampled each update (1...K); the others are replaced by their
    /// mean, the "rest" gradient. Default 4.
    public var fastSubsetSize: Int
    /// CAGrad and MGDA dual solver: stop when the duality gap, relative to the problem's scale (see
    /// `SolverReport.relativeGap`), is at most this. Default 1e-9, well below the float32 rounding of
    /// the Gram matrix the solver works on.
    public var solverTolerance: Double
    /// CAGrad and MGDA dual solver: the most pairwise steps per update (each costs O(K) work). If the
    /// tolerance is not reached, the best iterate is used and the report says `converged == false`.
    public var solverMaxIterations: Int

    /// Options with the defaults above, any of which can be overridden.
    public init(
        cagradC: Double = 0.5,
        cagradRescale: CAGradRescale = .inverseOnePlusCSquared,
        pcgradReduction: GradientReduction = .sum,
        pcgradOrder: PCGradOrder = .random,
        fastSubsetSize: Int = 4,
        solverTolerance: Double = 1e-9,
        solverMaxIterations: Int = 20_000
    ) {
        self.cagradC = cagradC
        self.cagradRescale = cagradRescale
        self.pcgradReduction = pcgradReduction
        self.pcgradOrder = pcgradOrder
        self.fastSubsetSize = fastSubsetSize
        self.solverTolerance = solverTolerance
        self.solverMaxIterations = solverMaxIterations
    }

    /// Checks the options for a `kind` combiner over `taskCount` tasks. Values that are wrong on their
    /// own (c < 0, a subset size below 1, a non-positive tolerance) are rejected for every kind; values
    /// that depend on K (subset size at most K) only for the kind that reads them.
    public func validate(taskCount: Int, kind: CombinerKind) throws {
        guard taskCount >= 1 else {
            throw CombinerError.invalidOption(option: "taskCount", value: "\(taskCount)", requirement: "at least one task is needed")
        }
        guard cagradC.isFinite, cagradC >= 0 else {
            throw CombinerError.invalidOption(option: "cagradC", value: "\(cagradC)", requirement: "must be a finite number >= 0")
        }
        guard fastSubsetSize >= 1 else {
            throw CombinerError.invalidOption(option: "fastSubsetSize", value: "\(fastSubsetSize)", requirement: "must be at least 1")
        }
        if kind == .cagradFast, fastSubsetSize > taskCount {
            throw CombinerError.invalidOption(
                option: "fastSubsetSize", value: "\(fastSubsetSize)",
                requirement: "must be between 1 and the number of tasks (\(taskCount))")
        }
        guard solverTolerance.isFinite, solverTolerance > 0 else {
            throw CombinerError.invalidOption(option: "solverTolerance", value: "\(solverTolerance)", requirement: "must be a finite number > 0")
        }
        guard solverMaxIterations >= 1 else {
            throw CombinerError.invalidOption(option: "solverMaxIterations", value: "\(solverMaxIterations)", requirement: "must be at least 1")
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case cagradC, cagradRescale, pcgradReduction, pcgradOrder, fastSubsetSize, solverTolerance, solverMaxIterations
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        if let unknown = all.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: all,
                debugDescription: "unknown combiner option '\(unknown.stringValue)'; valid options: \(CodingKeys.allCases.map(\.stringValue).joined(separator: ", "))")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CombinerOptions()
        cagradC = try container.decodeIfPresent(Double.self, forKey: .cagradC) ?? defaults.cagradC
        cagradRescale = try Self.decodeChoice(container, .cagradRescale) ?? defaults.cagradRescale
        pcgradReduction = try Self.decodeChoice(container, .pcgradReduction) ?? defaults.pcgradReduction
        pcgradOrder = try Self.decodeChoice(container, .pcgradOrder) ?? defaults.pcgradOrder
        fastSubsetSize = try container.decodeIfPresent(Int.self, forKey: .fastSubsetSize) ?? defaults.fastSubsetSize
        solverTolerance = try container.decodeIfPresent(Double.self, forKey: .solverTolerance) ?? defaults.solverTolerance
        solverMaxIterations = try container.decodeIfPresent(Int.self, forKey: .solverMaxIterations) ?? defaults.solverMaxIterations
    }

    /// Decodes a string choice, naming the valid values when the string is not one of them.
    private static func decodeChoice<Choice: RawRepresentable & CaseIterable>(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> Choice? where Choice.RawValue == String {
        guard let name = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let choice = Choice(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "invalid \(key.stringValue) '\(name)'; valid values: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }
}
