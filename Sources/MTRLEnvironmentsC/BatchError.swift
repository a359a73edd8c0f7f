/// A failed call of the C interface, mapped to its return code; the message is what `mtrl_last_error`
/// returns.
enum BatchError: Error, CustomStringConvertible {
    /// A handle, pointer, size, name or index the call cannot use (return code 1).
    case invalidArgument(String)
    /// An action component that is NaN or infinite (return code 2); nothing was stepped.
    case invalidAction(String)

    /// The C return code: 1 for invalid arguments, 2 for invalid actions.
    var code: Int32 {
        switch self {
        case .invalidArgument: return 1
        case .invalidAction: return 2
        }
    }

    /// The message.
    var description: String {
        switch self {
        case let .invalidArgument(message), let .invalidAction(message): return message
        }
    }
}
