import Environments

/// Rows of task environments stepped together into caller-owned buffers: the state behind one C handle.
///
/// Rows are copy-major: with K tasks and N copies, row `c * K + k` is copy c of task k, so rows 0..<K
/// are the tasks in the order given (Meta-World's one-hot order for MT10 and MT50). Every copy of a task
/// has the same 50 layouts (fixed by the seed and the task's name, as in `mtrl`); each row draws its
/// resets' layouts from its own generator, which `reset` can reseed. Observations are the 39 Meta-World
/// floats, followed by a one-hot task id when an id vocabulary was given. Nothing resets by itself: a
/// row reports truncation at the horizon, and the caller resets it.
final class BatchEnvironment {
    /// The row environments, copy-major.
    let rows: [any EnvironmentSlot]
    /// Distinct tasks per copy (K).
    let taskCount: Int
    /// Floats per observation row: 39, plus the id vocabulary's size.
    let observationSize: Int
    /// Steps per episode before truncation.
    let horizon: Int
    /// Whether resets use layout 0 only (`fixed`) or draw one (`resampled`).
    let layoutMode: LayoutMode
    /// Width of the one-hot task id (0: none).
    private let idSize: Int
    /// Each row's one-hot index into the id vocabulary.
    private let idIndex: [Int]
    /// Each row's generator of layout choices.
    private var layoutChoosers: [SplitMix64]

    /// Rows for `tasks` (N = `copies` of each), one-hot ids over `idTasks` (empty: no id).
    init(tasks: [any ManipulationTask], idTasks: [any ManipulationTask], seed: UInt64, layoutMode: LayoutMode, horizon: Int, copies: Int) throws(BatchError) {
        guard horizon >= 1 else { throw .invalidArgument("horizon must be at least 1, got \(horizon)") }
        guard copies >= 1 else { throw .invalidArgument("copies must be at least 1, got \(copies)") }
        guard tasks.count * copies <= 1_000_000 else { throw .invalidArgument("\(tasks.count) tasks x \(copies) copies is more than 1,000,000 rows") }
        let vocabulary = idTasks.map(\.name)
        var indices = [Int]()
        for task in tasks where !vocabulary.isEmpty {
            guard let index = vocabulary.firstIndex(of: task.name) else {
                throw .invalidArgument("task '\(task.name)' is not among the task-id tasks (\(vocabulary.joined(separator: ", ")))")
            }
            indices.append(index)
        }
        var built = [any EnvironmentSlot]()
        for _ in 0..<copies {
            for task in tasks { built.append(makeEnvironmentSlot(task, seed: seed, horizon: horizon, layoutMode: .fixed)) }
        }
        rows = built
        taskCount = tasks.count
        idSize = vocabulary.count
        idIndex = vocabulary.isEmpty ? [] : (0..<copies).flatMap { _ in indices }
        observationSize = ObservationLayout.size + vocabulary.count
        self.horizon = horizon
        self.layoutMode = layoutMode
        layoutChoosers = (0..<built.count).map { Self.chooser(seed: seed, row: $0) }
    }

    /// Number of rows (K x N).
    var rowCount: Int { rows.count }

    /// Pre-sampled layouts per task.
    var layoutCount: Int { rows[0].layoutCount }

    /// Resets the rows whose `mask` entry is non-zero (all rows when `mask` is nil), writing their
    /// observation rows. With `seeds`, each reset row's layout generator is first reseeded with its seed.
    func reset(mask: UnsafePointer<UInt8>?, seeds: UnsafePointer<UInt64>?, observations: UnsafeMutablePointer<Float>) {
        for row in 0..<rows.count where mask == nil || mask![row] != 0 {
            if let seeds { layoutChoosers[row] = Self.chooser(seed: seeds[row], row: 0) }
            let layout = layoutMode == .fixed ? 0 : Int(layoutChoosers[row].next() % UInt64(rows[row].layoutCount))
            resetRow(row, layout: layout, observation: observations + row * observationSize)
        }
    }

    /// Resets row `row` onto layout `layout` and writes its observation to `observation`.
    func reset(row: Int, layout: Int, observation: UnsafeMutablePointer<Float>) throws(BatchError) {
        guard rows.indices.contains(row) else { throw .invalidArgument("row \(row) is outside 0..<\(rows.count)") }
        guard (0..<rows[row].layoutCount).contains(layout) else { throw .invalidArgument("layout \(layout) is outside 0..<\(rows[row].layoutCount)") }
        resetRow(row, layout: layout, observation: observation)
    }

    /// Steps every row whose `skip` entry is zero (all rows when `skip` is nil) with its four floats of
    /// `actions`, writing its observation row, reward, success and truncation flags. Skipped rows' outputs
    /// are left as they were. Throws, stepping nothing, when an action of a stepped row is not finite.
    func step(actions: UnsafePointer<Float>, skip: UnsafePointer<UInt8>?, observations: UnsafeMutablePointer<Float>,
              rewards: UnsafeMutablePointer<Double>, successes: UnsafeMutablePointer<UInt8>, truncated: UnsafeMutablePointer<UInt8>) throws(BatchError) {
        let width = ObservationLayout.actionSize
        for index in 0..<(rows.count * width) where !actions[index].isFinite {
            let row = index / width
            if let skip, skip[row] != 0 { continue }
            throw .invalidAction("action of row \(row) (task '\(rows[row].taskName)') has a non-finite component \(index % width): \(actions[index]); actions must be finite numbers in [-1, 1]")
        }
        for row in 0..<rows.count {
            if let skip, skip[row] != 0 { continue }
            let destination = observations + row * observationSize
            let outcome = rows[row].step(action: actions + row * width, observation: destination)
            writeTaskID(row: row, to: destination)
            rewards[row] = outcome.reward
            successes[row] = outcome.success ? 1 : 0
            truncated[row] = outcome.truncated ? 1 : 0
        }
    }

    /// Each row's scripted expert action for its observation row, written as rows x 4 floats.
    func expertActions(observations: UnsafePointer<Float>, actions: UnsafeMutablePointer<Float>) {
        for row in 0..<rows.count {
            let action = rows[row].expertAction(observation: observations + row * observationSize)
            for i in 0..<ObservationLayout.actionSize { actions[row * ObservationLayout.actionSize + i] = Float(action[i]) }
        }
    }

    /// Starts row `row` on layout `layout` and writes its observation row, task id included.
    private func resetRow(_ row: Int, layout: Int, observation: UnsafeMutablePointer<Float>) {
        rows[row].reset(layout: layout, observation: observation)
        writeTaskID(row: row, to: observation)
    }

    private func writeTaskID(row: Int, to destination: UnsafeMutablePointer<Float>) {
        guard idSize > 0 else { return }
        let id = destination + ObservationLayout.size
        id.update(repeating: 0, count: idSize)
        id[idIndex[row]] = 1
    }

    /// A layout generator for `row` from `seed`, its state scrambled so nearby seeds give unrelated draws.
    private static func chooser(seed: UInt64, row: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ 0x4C41_594F_5554_5321)
        return SplitMix64(seed: mixer.next() &+ UInt64(row) &* 0xD1B5_4A32_D192_ED03)
    }
}
