/// Errors from looking up tasks and suites; each message lists the valid choices.
public enum EnvironmentError: Error, Equatable, CustomStringConvertible {
    /// No task has this name (a `-v3` suffix is accepted and ignored).
    case unknownTask(String, valid: [String])
    /// No suite has this name.
    case unknownSuite(String, valid: [String])
    /// The suite lists tasks that are not implemented yet.
    case incompleteSuite(String, missing: [String])

    /// A one-line explanation naming the valid choices.
    public var description: String {
        switch self {
        case let .unknownTask(name, valid):
            return "unknown task '\(name)'; valid tasks: \(valid.joined(separator: ", "))"
        case let .unknownSuite(name, valid):
            return "unknown suite '\(name)'; valid suites: \(valid.joined(separator: ", "))"
        case let .incompleteSuite(name, missing):
            return "suite '\(name)' is incomplete: \(missing.count) task(s) not implemented yet: \(missing.joined(separator: ", "))"
        }
    }
}
