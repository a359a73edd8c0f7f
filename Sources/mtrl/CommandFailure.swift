/// A runtime failure of a command: printed as "Error: <message>" with exit status 1, without the usage
/// lines that ArgumentParser adds to `ValidationError`, which are for command-line mistakes only.
struct CommandFailure: Error, CustomStringConvertible {
    /// The whole message.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
