import Foundation

/// The child processes a command is running, so a signal handler (on another thread) can pass a signal
/// on to each of them.
final class ChildProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var identifiers: [ObjectIdentifier: pid_t] = [:]

    /// Launches `process` and remembers it.
    func start(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
        identifiers[ObjectIdentifier(process)] = process.processIdentifier
    }

    /// Forgets `process` (it has ended), so no signal goes to a reused process id.
    func forget(_ process: Process) {
        lock.lock()
        defer { lock.unlock() }
        identifiers[ObjectIdentifier(process)] = nil
    }

    /// Sends `number` to every remembered child.
    func signal(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        for pid in identifiers.values { kill(pid, number) }
    }
}
