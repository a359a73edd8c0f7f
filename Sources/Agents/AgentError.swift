/// Errors of the agent that a user can act on.
public enum AgentError: Error, Equatable, CustomStringConvertible {
    /// Hyperparameters that cannot work, each problem in one sentence.
    case invalidSettings(String)
    /// Saved state does not fit this agent (another suite, network size or buffer size).
    case checkpointMismatch(String)
    /// Training produced a non-finite loss or gradient.
    case nonFinite(String)

    public var description: String {
        switch self {
        case .invalidSettings(let message): return "invalid agent settings: \(message)"
        case .checkpointMismatch(let message): return "checkpoint does not match: \(message)"
        case .nonFinite(let message): return "non-finite values: \(message)"
        }
    }
}
