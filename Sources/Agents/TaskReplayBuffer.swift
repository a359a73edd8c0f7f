import LinearAlgebra
import NeuralNetworks

/// One replay ring buffer per task, as in the PCGrad paper's agent: every update draws the same number
/// of transitions from each task, so batches are grouped by task and every task is represented.
///
/// Storage is one contiguous matrix per field with `taskCount * capacity` rows (task k owns rows
/// `k * capacity ..< (k + 1) * capacity`), so adding and sampling copy rows without allocating.
public struct TaskReplayBuffer: Sendable {
    /// Number of tasks.
    public let taskCount: Int
    /// Transitions kept per task; the oldest are overwritten first.
    public let capacity: Int
    /// Width of an observation row.
    public let observationSize: Int
    /// Width of an action row.
    public let actionSize: Int
    /// Stored observations.
    public internal(set) var observations: Matrix
    /// Stored actions.
    public internal(set) var actions: Matrix
    /// Stored rewards (one column).
    public internal(set) var rewards: Matrix
    /// Stored next observations.
    public internal(set) var nextObservations: Matrix
    /// Whether each stored transition ended its episode (time-limit truncation): an n-step return stops there.
    public internal(set) var episodeEnds: [Bool]
    /// Transitions stored per task (at most `capacity`).
    public internal(set) var counts: [Int]
    /// Where each task's next transition goes.
    public internal(set) var cursors: [Int]

    /// Empty buffers for `taskCount` tasks of `capacity` transitions each.
    public init(taskCount: Int, capacity: Int, observationSize: Int, actionSize: Int) {
        precondition(taskCount >= 1 && capacity >= 1, "TaskReplayBuffer: needs at least one task and a positive capacity, got \(taskCount) tasks x \(capacity)")
        self.taskCount = taskCount
        self.capacity = capacity
        self.observationSize = observationSize
        self.actionSize = actionSize
        let rows = taskCount * capacity
        observations = Matrix(rows: rows, columns: observationSize)
        actions = Matrix(rows: rows, columns: actionSize)
        rewards = Matrix(rows: rows, columns: 1)
        nextObservations = Matrix(rows: rows, columns: observationSize)
        episodeEnds = [Bool](repeating: false, count: rows)
        counts = [Int](repeating: 0, count: taskCount)
        cursors = [Int](repeating: 0, count: taskCount)
    }

    /// Stores one transition per task: row k of each argument is task k's; `truncated[k]` says whether
    /// task k's transition ended its episode.
    public mutating func add(observations newObservations: Matrix, actions newActions: Matrix, rewards newRewards: [Float], nextObservations newNext: Matrix,
                             truncated: [Bool]) {
        precondition(
            newObservations.rows == taskCount && newObservations.columns == observationSize
                && newActions.rows == taskCount && newActions.columns == actionSize
                && newRewards.count == taskCount && newNext.rows == taskCount && newNext.columns == observationSize && truncated.count == taskCount,
            "TaskReplayBuffer.add: expected \(taskCount) rows of \(observationSize) observation and \(actionSize) action values, got observations \(newObservations.shapeDescription), actions \(newActions.shapeDescription), \(newRewards.count) rewards, next observations \(newNext.shapeDescription), \(truncated.count) truncation flags")
        for task in 0..<taskCount {
            let row = task * capacity + cursors[task]
            Self.copyRow(task, of: newObservations, to: row, of: &observations)
            Self.copyRow(task, of: newActions, to: row, of: &actions)
            rewards.storage[row] = newRewards[task]
            Self.copyRow(task, of: newNext, to: row, of: &nextObservations)
            episodeEnds[row] = truncated[task]
            cursors[task] = (cursors[task] + 1) % capacity
            counts[task] = min(counts[task] + 1, capacity)
        }
    }

    /// Fills `batch` with `batch.layout.rowsPerTask` uniformly drawn transitions of every task, each one
    /// the start of an n-step return of up to `steps` transitions with discount `discount` (see
    /// `nStepReturn`); with `steps` 1 these are the stored transitions and every row's discount is `discount`.
    public func sample(into batch: inout TransitionBatch, steps: Int = 1, discount: Float, generator: inout SeededGenerator) {
        precondition(
            batch.layout.taskCount == taskCount && batch.observations.columns == observationSize && batch.actions.columns == actionSize,
            "TaskReplayBuffer.sample: a batch for \(batch.layout.taskCount) tasks (\(batch.observations.columns) observation, \(batch.actions.columns) action values) does not fit buffers for \(taskCount) tasks (\(observationSize), \(actionSize))")
        precondition(counts.allSatisfy { $0 > 0 }, "TaskReplayBuffer.sample: every task needs at least one stored transition, counts are \(counts)")
        precondition(steps >= 1, "TaskReplayBuffer.sample: an n-step return needs at least one step, got \(steps)")
        for task in 0..<taskCount {
            for row in batch.layout.rows(ofTask: task) {
                let source = task * capacity + generator.index(below: counts[task])
                let target = nStepReturn(from: source, task: task, steps: steps, discount: discount)
                Self.copyRow(source, of: observations, to: row, of: &batch.observations)
                Self.copyRow(source, of: actions, to: row, of: &batch.actions)
                batch.rewards.storage[row] = target.reward
                Self.copyRow(target.lastRow, of: nextObservations, to: row, of: &batch.nextObservations)
                batch.discounts.storage[row] = target.discount
            }
        }
    }

    /// The stored transitions only, packed: for each task in order, its first `counts[task]` rows (a
    /// ring buffer fills from its first row, so these are exactly the stored ones). Checkpoints save
    /// this rather than the whole capacity, which early in a run is mostly empty.
    public func packedContents() -> ReplayContents {
        var contents = ReplayContents()
        for task in 0..<taskCount {
            let rows = (task * capacity)..<(task * capacity + counts[task])
            contents.observations += Self.values(ofRows: rows, in: observations)
            contents.actions += Self.values(ofRows: rows, in: actions)
            contents.rewards += Self.values(ofRows: rows, in: rewards)
            contents.nextObservations += Self.values(ofRows: rows, in: nextObservations)
            contents.episodeEnds += episodeEnds[rows]
        }
        return contents
    }

    /// Restores the buffers from `packedContents()` and the saved counts and cursors (checkpoints).
    /// Throws `AgentError.checkpointMismatch` when they do not fit these buffers.
    public mutating func restore(_ contents: ReplayContents, counts: [Int], cursors: [Int]) throws {
        let mismatch = AgentError.checkpointMismatch(
            "the saved replay buffers do not match \(taskCount) tasks x \(capacity) transitions of \(observationSize) observation and \(actionSize) action values")
        guard counts.count == taskCount, cursors.count == taskCount,
              counts.allSatisfy({ $0 >= 0 && $0 <= capacity }), cursors.allSatisfy({ $0 >= 0 && $0 < capacity }) else { throw mismatch }
        let stored = counts.reduce(0, +)
        guard contents.observations.count == stored * observationSize, contents.actions.count == stored * actionSize,
              contents.rewards.count == stored, contents.nextObservations.count == stored * observationSize,
              contents.episodeEnds.count == stored else { throw mismatch }
        var packedRow = 0
        for task in 0..<taskCount {
            let rows = (task * capacity)..<(task * capacity + counts[task])
            let packedRows = packedRow..<(packedRow + counts[task])
            Self.write(rows: packedRows, of: contents.observations, toRows: rows, of: &observations)
            Self.write(rows: packedRows, of: contents.actions, toRows: rows, of: &actions)
            Self.write(rows: packedRows, of: contents.rewards, toRows: rows, of: &rewards)
            Self.write(rows: packedRows, of: contents.nextObservations, toRows: rows, of: &nextObservations)
            episodeEnds.replaceSubrange(rows, with: contents.episodeEnds[packedRows])
            packedRow += counts[task]
        }
        self.counts = counts
        self.cursors = cursors
    }

    /// The values of `rows` of `matrix`, row after row.
    private static func values(ofRows rows: Range<Int>, in matrix: Matrix) -> ArraySlice<Float> {
        matrix.storage[(rows.lowerBound * matrix.columns)..<(rows.upperBound * matrix.columns)]
    }

    /// Writes rows `packedRows` of `packed` (rows of `matrix.columns` values) over rows `rows` of `matrix`.
    private static func write(rows packedRows: Range<Int>, of packed: [Float], toRows rows: Range<Int>, of matrix: inout Matrix) {
        let width = matrix.columns
        matrix.storage.replaceSubrange((rows.lowerBound * width)..<(rows.upperBound * width),
                                       with: packed[(packedRows.lowerBound * width)..<(packedRows.upperBound * width)])
    }

    private static func copyRow(_ sourceRow: Int, of source: Matrix, to destinationRow: Int, of destination: inout Matrix) {
        let width = source.columns
        source.storage.withUnsafeBufferPointer { s in
            destination.storage.withUnsafeMutableBufferPointer { d in
                (d.baseAddress! + destinationRow * width).update(from: s.baseAddress! + sourceRow * width, count: width)
            }
        }
    }
}

/// The stored transitions of a `TaskReplayBuffer`, packed task after task (see `packedContents()`).
public struct ReplayContents: Sendable, Equatable {
    /// Observations, row after row.
    public var observations: [Float] = []
    /// Actions, row after row.
    public var actions: [Float] = []
    /// Rewards, one per row.
    public var rewards: [Float] = []
    /// Next observations, row after row.
    public var nextObservations: [Float] = []
    /// Whether each row ended its episode, one per row.
    public var episodeEnds: [Bool] = []

    /// Contents from packed arrays.
    public init(observations: [Float] = [], actions: [Float] = [], rewards: [Float] = [], nextObservations: [Float] = [], episodeEnds: [Bool] = []) {
        self.observations = observations
        self.actions = actions
        self.rewards = rewards
        self.nextObservations = nextObservations
        self.episodeEnds = episodeEnds
    }
}
