/// Everything that can go wrong when choosing, configuring or running a gradient combiner.
///
/// Every case prints a message a user can act on: an unknown name lists the valid ones, a bad option
/// names the option, its value and the allowed range, and a non-finite gradient names the tasks.
public enum CombinerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A combiner name that is not one of `CombinerKind.allCases`.
    case unknownCombiner(name: String, valid: [String])
    /// An option value outside its allowed range (`option` is the field name in `CombinerOptions`).
    case invalidOption(option: String, value: String, requirement: String)
    /// The gradient matrix or the output does not have the shape the combiner was built for.
    case shapeMismatch(String)
    /// Some task gradients contain NaN or infinity (or their squared norm overflows `Float`). The
    /// combination is not computed: a silently combined NaN would corrupt every shared parameter.
    case nonFiniteGradient(tasks: [Int], detail: String)
    /// A saved `CombinerState` belongs to a different combiner or task count.
    case stateMismatch(String)

    public var description: String {
        switch self {
        case let .unknownCombiner(name, valid):
            return "unknown combiner '\(name)'; valid combiners: \(valid.joined(separator: ", "))"
        case let .invalidOption(option, value, requirement):
            return "invalid combiner option \(option) = \(value): \(requirement)"
        case let .shapeMismatch(message):
            return "gradient combiner: \(message)"
        case let .nonFiniteGradient(tasks, detail):
            return "non-finite task gradients (tasks \(tasks.map(String.init).joined(separator: ", "))): \(detail); nothing was combined"
        case let .stateMismatch(message):
            return "cannot restore combiner state: \(message)"
        }
    }
}
