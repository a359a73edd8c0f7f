import Foundation

/// Turns SIGINT (Ctrl-C) and SIGTERM (`kill`, Slurm's time-limit warning) into a request to stop:
/// the trainer finishes the episode, writes a checkpoint and returns. A second SIGINT ends the process
/// at once, leaving the last checkpoint intact (it is only ever replaced by an atomic rename). SIGTERM
/// never escalates, because Slurm and `mtrl sweep` may each deliver one to the same process.
///
/// A process that runs others (`mtrl sweep`, whose children have process groups of their own, so a
/// terminal's Ctrl-C reaches only it) passes each signal on with `relay` and gives no `abandon`
/// message: it then never ends itself, and waits for its children to stop.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Int32?
    private var interrupts = 0
    private var sources: [DispatchSourceSignal] = []

    /// Starts listening; `notice` is printed (to standard error) at the first signal, `abandon` (if
    /// any) just before a second Ctrl-C ends the process; `relay` is called with every signal.
    init(notice: String, abandon: String?, relay: (@Sendable (Int32) -> Void)? = nil) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // The handler keeps its source and this object alive: all live as long as the process.
            source.setEventHandler {
                let count = max(Int(source.data), 1)
                for _ in 0..<count { relay?(number) }
                self.receive(number, count: count, notice: notice, abandon: abandon)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal asked the process to stop.
    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return first != nil
    }

    /// The first signal's name (`SIGINT`, `SIGTERM`), once one arrived.
    var name: String? {
        lock.lock()
        defer { lock.unlock() }
        return first.map { $0 == SIGINT ? "SIGINT" : "SIGTERM" }
    }

    private func receive(_ number: Int32, count: Int, notice: String, abandon: String?) {
        lock.lock()
        let isFirst = first == nil
        if isFirst { first = number }
        if number == SIGINT { interrupts += count }
        let escalate = interrupts >= 2 && abandon != nil
        lock.unlock()
        if escalate, let abandon {
            FileHandle.standardError.write(Data("\n\(abandon)\n".utf8))
            // End by SIGINT's default action, so the parent sees "killed by SIGINT" (a shell: status 130).
            // The signal may be blocked (a parent's mask is inherited; the dispatch source reads it
            // anyway), so unblock it on this thread and raise it here; _exit if it still returns.
            signal(SIGINT, SIG_DFL)
            var interrupt = sigset_t()
            sigemptyset(&interrupt)
            sigaddset(&interrupt, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
            raise(SIGINT)
            _exit(128 + SIGINT)
        } else if isFirst {
            FileHandle.standardError.write(Data("\n\(notice)\n".utf8))
        }
    }
}
