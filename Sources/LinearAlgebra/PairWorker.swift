import Foundation

/// The second thread of two-way `WorkSplitter` calls: one thread per process, asleep until a caller
/// offers it a piece of work.
///
/// The caller offers piece 1, runs piece 0 itself, and then takes piece 1 back if the worker has not
/// started it yet, so a worker that the scheduler leaves waiting (the other core busy) never holds the
/// caller up; only a piece already started is waited for. Waits are blocking (`NSCondition`, a mutex
/// and a condition variable), never spinning. A caller that finds the worker busy with another
/// caller's piece runs both pieces itself.
final class PairWorker: @unchecked Sendable {
    /// The process's worker.
    static let shared = PairWorker()

    /// Guards every field below; the worker and the callers wait on it.
    private let condition = NSCondition()
    /// The offered work (a `Piece`), valid while a caller is inside `run`.
    private var piece: UnsafeRawPointer?
    /// A piece waits to be started.
    private var offered = false
    /// The worker has finished the piece it started.
    private var finished = false
    /// A caller is inside `run`.
    private var busy = false

    private init() {
        let thread = Thread { [self] in serve() }
        thread.name = "mtrl-work-splitter"
        thread.start()
    }

    /// The worker's loop: wait for an offered piece, run it, report it finished.
    private func serve() {
        condition.lock()
        while true {
            while !offered { condition.wait() }
            offered = false
            let work = piece!
            condition.unlock()
            work.assumingMemoryBound(to: Piece.self).pointee.body(1)
            condition.lock()
            finished = true
            condition.broadcast()
        }
    }

    /// Runs `body(0)` on the caller's thread and `body(1)` on the worker (or on the caller, when the
    /// worker has not started it by the time `body(0)` returns), and returns when both have returned.
    func run(_ body: (Int) -> Void) {
        condition.lock()
        if busy {
            condition.unlock()
            body(0)
            body(1)
            return
        }
        busy = true
        withoutActuallyEscaping(body) { body in
            var work = Piece(body: body)
            withUnsafeMutablePointer(to: &work) { pointer in
                piece = UnsafeRawPointer(pointer)
                offered = true
                finished = false
                condition.broadcast()
                condition.unlock()
                body(0)
                condition.lock()
                if offered {
                    offered = false
                    condition.unlock()
                    body(1)
                    condition.lock()
                } else {
                    while !finished { condition.wait() }
                }
                piece = nil
                busy = false
                condition.unlock()
            }
        }
    }
}

/// Work handed to another thread by address: the handing call waits for it, so it outlives its use
/// (and `WorkSplitter` requires its pieces to touch disjoint state).
struct Piece {
    /// Runs piece `index`.
    let body: (Int) -> Void
}
