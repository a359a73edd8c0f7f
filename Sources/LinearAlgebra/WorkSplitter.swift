import Dispatch
#if canImport(CDispatch)
internal import CDispatch
#endif

/// Runs independent pieces of work on up to `threadCount` threads and returns when all have finished.
///
/// The caller's thread does one share of the work itself and otherwise blocks (it never spins) until
/// the others are done; in two-way calls it also takes back the other share if no thread has started
/// it. So a busy second core costs little, not a spinning thread: this is what lets training use two
/// cores by default where OpenBLAS's own threads could not (docs/PERFORMANCE.md).
/// Each piece runs exactly the code it would run serially, so results do not depend on the thread
/// count. With one thread the pieces run in order on the caller's thread.
///
/// The pieces must touch disjoint state (different workspaces, different blocks of a `SharedMatrix`);
/// the compiler does not check this for the closures given here.
public struct WorkSplitter: Sendable, Equatable {
    /// The most threads one call uses (1: everything runs in order on the caller's thread).
    public let threadCount: Int

    /// Everything on the caller's thread, in order.
    public static let serial = WorkSplitter(threadCount: 1)

    /// A splitter using up to `threadCount` threads (at least 1).
    public init(threadCount: Int) {
        precondition(threadCount >= 1, "WorkSplitter: threadCount must be at least 1, got \(threadCount)")
        self.threadCount = threadCount
    }

    /// Runs `first` and `second`, side by side when there are two threads.
    public func run(_ first: () -> Void, _ second: () -> Void) {
        guard threadCount > 1 else {
            first()
            second()
            return
        }
        Self.concurrently(2) { index in
            if index == 0 { first() } else { second() }
        }
    }

    /// Calls `body(index)` for every index in `0..<count`: the indices are cut into `threadCount`
    /// contiguous ranges (fewer when `count` is smaller), each run in order on its own thread.
    public func forEach(_ count: Int, _ body: (Int) -> Void) {
        let chunks = min(threadCount, count)
        guard chunks > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        Self.concurrently(chunks) { chunk in
            for index in chunk * count / chunks..<(chunk + 1) * count / chunks { body(index) }
        }
    }

    /// Calls `body(i)` for every i in `0..<iterations` at once and returns when all have returned. Two
    /// pieces go to the process's `PairWorker` (which hands a piece back to the caller rather than
    /// make it wait for a descheduled thread); more go through `dispatch_apply_f` with a plain function
    /// pointer. Either way a call allocates one small block (`withoutActuallyEscaping`'s check), where
    /// `DispatchQueue.concurrentPerform` needed about four.
    private static func concurrently(_ iterations: Int, _ body: (Int) -> Void) {
        if iterations == 2 {
            PairWorker.shared.run(body)
            return
        }
        withoutActuallyEscaping(body) { body in
            var piece = Piece(body: body)
            withUnsafeMutablePointer(to: &piece) { pointer in
                dispatch_apply_f(iterations, nil, pointer) { context, index in
                    context!.assumingMemoryBound(to: Piece.self).pointee.body(index)
                }
            }
        }
    }
}
