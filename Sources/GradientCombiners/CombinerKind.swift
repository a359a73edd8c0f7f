/// The gradient combiners this library provides, by the name used on the command line and in configs.
///
/// One enum is the single source of the names: the CLI, the config decoder and the help text read
/// `allCases`, `rawValue` and `summary`, so adding a combiner is one case here plus one branch in
/// `makeCombiner`, which the compiler's exhaustiveness check points to.
public enum CombinerKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// The average of the task gradients: plain multi-task training.
    case mean
    /// The sum of the task gradients (K times the mean).
    case sum
    /// PCGrad (Yu et al., 2020): project each task gradient off the conflicting others, then reduce.
    case pcgrad
    /// CAGrad (Liu et al., 2021): the update near the mean gradient that best helps the worst task.
    case cagrad
    /// CAGrad on a random subset of tasks plus one exact "rest" gradient (Liu et al., 2021).
    case cagradFast = "cagrad-fast"
    /// MGDA (Sener & Koltun, 2018): the minimum-norm point of the convex hull of the task gradients.
    case mgda

    /// A one-line description, for help texts and reports.
    public var summary: String {
        switch self {
        case .mean: return "average of the task gradients (plain multi-task training)"
        case .sum: return "sum of the task gradients (K times the mean)"
        case .pcgrad: return "PCGrad: project each task gradient off conflicting ones, then sum (or average)"
        case .cagrad: return "CAGrad: best worst-task improvement within a ball of radius c|g0| around the mean g0"
        case .cagradFast: return "CAGrad on a random task subset plus one exact 'rest' gradient"
        case .mgda: return "MGDA: minimum-norm point of the convex hull of the task gradients"
        }
    }

    public var description: String { rawValue }

    /// The valid names, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The kind named `name` (exact, lower-case name); an unknown name throws an error listing the valid ones.
    public init(parsing name: String) throws {
        guard let kind = CombinerKind(rawValue: name) else {
            throw CombinerError.unknownCombiner(name: name, valid: Self.names)
        }
        self = kind
    }

    /// The kinds in a comma-separated list such as "mean,pcgrad,cagrad" (spaces around names ignored).
    public static func parseList(_ list: String) throws -> [CombinerKind] {
        let names = list.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
            throw CombinerError.unknownCombiner(name: list, valid: Self.names)
        }
        return try names.map(CombinerKind.init(parsing:))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        do {
            try self.init(parsing: name)
        } catch let error as CombinerError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
