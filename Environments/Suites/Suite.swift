/// The named suites the command line and configs choose from.
public enum SuiteKind: String, Sendable, CaseIterable {
    /// One task (chosen by name).
    case mt1
    /// Meta-World's ten tasks.
    case mt10
    /// Meta-World's fifty tasks.
    case mt50
}

/// Caller-owned buffers for one suite step, sized for a suite (K tasks, `observationSize` floats each).
///
/// Allocate once with `Suite.makeBatch()` and reuse: stepping writes into the arrays in place.
public struct SuiteBatch: Sendable {
    /// K x observationSize: the observation each task's policy acts on next (after an automatic reset
    /// when the episode was truncated).
    public var observations: [Float]
    /// K x observationSize: the observation each step produced, before any reset; the `next_obs` of the
    /// transition, so learning can bootstrap through truncation.
    public var nextObservations: [Float]
    /// K rewards of the last step.
    public var rewards: [Float]
    /// K success flags of the last step.
    public var successes: [Bool]
    /// K flags: the last step reached the horizon and the task was reset.
    public var truncated: [Bool]

    /// Zeroed buffers for `taskCount` tasks of `observationSize` floats.
    public init(taskCount: Int, observationSize: Int) {
        observations = [Float](repeating: 0, count: taskCount * observationSize)
        nextObservations = observations
        rewards = [Float](repeating: 0, count: taskCount)
        successes = [Bool](repeating: false, count: taskCount)
        truncated = successes
    }
}

/// A multi-task suite: K task environments stepped together into contiguous buffers.
///
/// Row k of every buffer belongs to task k, in the suite's order (the one-hot index). With `appendTaskID`
/// each observation carries K more floats, a one-hot task id (49 floats on MT10, 89 on MT50). Task k's
/// layouts come from `seed` and the task's name, so the same task has the same layouts in MT1, MT10 and
/// MT50. A reference type: it owns the K environments and steps them in place without allocating.
public final class Suite {
    /// The suite's name: `mt10`, `mt50`, or `mt1:<task>`.
    public let name: String
    /// The tasks, in one-hot order.
    public let tasks: [any ManipulationTask]
    /// Whether observations end with a one-hot task id.
    public let appendsTaskID: Bool
    /// Floats per observation: 39, plus K with the task id.
    public let observationSize: Int
    /// Steps per episode before truncation.
    public let horizon: Int
    /// How resets choose layouts.
    public let layoutMode: LayoutMode
    private let members: [any EnvironmentSlot]

    /// A suite of `tasks` (in one-hot order).
    public init(name: String, tasks: [any ManipulationTask], seed: UInt64 = 0, horizon: Int = Tabletop.defaultHorizon, layoutMode: LayoutMode = .resampled, appendTaskID: Bool = true) {
        precondition(!tasks.isEmpty, "a suite needs at least one task")
        self.name = name
        self.tasks = tasks
        self.appendsTaskID = appendTaskID
        self.horizon = horizon
        self.layoutMode = layoutMode
        observationSize = ObservationLayout.size + (appendTaskID ? tasks.count : 0)
        members = tasks.map { makeEnvironmentSlot($0, seed: seed, horizon: horizon, layoutMode: layoutMode) }
    }

    /// The suite `kind` (for `mt1`, `task` names the task; a `-v3` suffix is fine). Throws with the
    /// valid names when the task is unknown or the suite is not complete yet.
    public convenience init(_ kind: SuiteKind, task: String? = nil, seed: UInt64 = 0, horizon: Int = Tabletop.defaultHorizon, layoutMode: LayoutMode = .resampled, appendTaskID: Bool = true) throws {
        switch kind {
        case .mt1:
            guard let task else { throw EnvironmentError.unknownTask("", valid: TaskCatalog.names) }
            let found = try TaskCatalog.task(named: task)
            self.init(name: "mt1:\(found.name)", tasks: [found], seed: seed, horizon: horizon, layoutMode: layoutMode, appendTaskID: appendTaskID)
        case .mt10:
            self.init(name: "mt10", tasks: TaskCatalog.mt10, seed: seed, horizon: horizon, layoutMode: layoutMode, appendTaskID: appendTaskID)
        case .mt50:
            self.init(name: "mt50", tasks: try TaskCatalog.mt50(), seed: seed, horizon: horizon, layoutMode: layoutMode, appendTaskID: appendTaskID)
        }
    }

    /// The suite named `name` (`mt10`, `mt50`, or `mt1:<task>`); throws listing valid names.
    public convenience init(named name: String, seed: UInt64 = 0, horizon: Int = Tabletop.defaultHorizon, layoutMode: LayoutMode = .resampled, appendTaskID: Bool = true) throws {
        let lowered = name.lowercased()
        if lowered.hasPrefix("mt1:") {
            try self.init(.mt1, task: String(lowered.dropFirst(4)), seed: seed, horizon: horizon, layoutMode: layoutMode, appendTaskID: appendTaskID)
        } else if let kind = SuiteKind(rawValue: lowered), kind != .mt1 {
            try self.init(kind, seed: seed, horizon: horizon, layoutMode: layoutMode, appendTaskID: appendTaskID)
        } else {
            throw EnvironmentError.unknownSuite(name, valid: ["mt10", "mt50", "mt1:<task>"])
        }
    }

    /// Number of tasks K.
    public var count: Int { members.count }

    /// The tasks' names in one-hot order.
    public var taskNames: [String] { members.map(\.taskName) }

    /// Fresh buffers sized for this suite.
    public func makeBatch() -> SuiteBatch {
        SuiteBatch(taskCount: count, observationSize: observationSize)
    }

    /// Resets every task and writes the K observations to `observations` (K x observationSize floats).
    public func reset(observations: UnsafeMutablePointer<Float>) {
        for k in 0..<members.count {
            let row = observations + k * observationSize
            members[k].reset(observation: row)
            writeTaskID(k, row: row)
        }
    }

    /// Resets task `task` onto layout `layout` (for evaluation, one episode per layout) and writes its
    /// observation row to `observation` (observationSize floats).
    public func reset(task: Int, layout: Int, observation: UnsafeMutablePointer<Float>) {
        members[task].reset(layout: layout, observation: observation)
        writeTaskID(task, row: observation)
    }

    /// Resets every task into `batch.observations`.
    public func reset(into batch: inout SuiteBatch) {
        precondition(batch.observations.count == count * observationSize, "the batch does not fit this suite")
        batch.observations.withUnsafeMutableBufferPointer { reset(observations: $0.baseAddress!) }
    }

    /// Steps all K tasks with `actions` (K x 4 floats) in one call, without allocating.
    ///
    /// For task k: `nextObservations` row k gets the observation the step produced; `rewards[k]`,
    /// `successes[k]`, `truncated[k]` its outcome. When the step reached the horizon the task is reset
    /// and `observations` row k gets the fresh episode's first observation; otherwise it equals
    /// `nextObservations` row k. Actions are sanitised (NaN to 0, clip to [-1, 1]).
    public func step(actions: UnsafePointer<Float>, observations: UnsafeMutablePointer<Float>, nextObservations: UnsafeMutablePointer<Float>, rewards: UnsafeMutablePointer<Float>, successes: UnsafeMutablePointer<Bool>, truncated: UnsafeMutablePointer<Bool>) {
        let size = observationSize
        for k in 0..<members.count {
            let member = members[k]
            let next = nextObservations + k * size
            let outcome = member.step(action: actions + k * ObservationLayout.actionSize, observation: next)
            writeTaskID(k, row: next)
            rewards[k] = Float(outcome.reward)
            successes[k] = outcome.success
            truncated[k] = outcome.truncated
            let current = observations + k * size
            if outcome.truncated {
                member.reset(observation: current)
                writeTaskID(k, row: current)
            } else {
                current.update(from: next, count: size)
            }
        }
    }

    /// Steps all K tasks with `actions` (K x 4 floats) into `batch`; see the pointer version.
    public func step(actions: UnsafeBufferPointer<Float>, into batch: inout SuiteBatch) {
        precondition(actions.count == count * ObservationLayout.actionSize, "expected \(count * ObservationLayout.actionSize) action floats")
        precondition(batch.observations.count == count * observationSize, "the batch does not fit this suite")
        batch.observations.withUnsafeMutableBufferPointer { observations in
            batch.nextObservations.withUnsafeMutableBufferPointer { next in
                batch.rewards.withUnsafeMutableBufferPointer { rewards in
                    batch.successes.withUnsafeMutableBufferPointer { successes in
                        batch.truncated.withUnsafeMutableBufferPointer { truncated in
                            step(actions: actions.baseAddress!, observations: observations.baseAddress!, nextObservations: next.baseAddress!, rewards: rewards.baseAddress!, successes: successes.baseAddress!, truncated: truncated.baseAddress!)
                        }
                    }
                }
            }
        }
    }

    /// Steps all K tasks with `actions` (K x 4 floats) into `batch`.
    public func step(actions: [Float], into batch: inout SuiteBatch) {
        actions.withUnsafeBufferPointer { step(actions: $0, into: &batch) }
    }

    /// Each task's scripted expert action for the observation rows in `observations`, written as K x 4
    /// floats to `actions`.
    public func expertActions(observations: UnsafePointer<Float>, actions: UnsafeMutablePointer<Float>) {
        for k in 0..<members.count {
            let action = members[k].expertAction(observation: observations + k * observationSize)
            for i in 0..<4 { actions[k * 4 + i] = Float(action[i]) }
        }
    }

    /// Task `task`'s current scene (for renders and tests).
    public func scene(task: Int) -> Scene {
        members[task].scene
    }

    /// Number of pre-sampled layouts per task.
    public var layoutCount: Int { members[0].layoutCount }

    private func writeTaskID(_ k: Int, row: UnsafeMutablePointer<Float>) {
        guard appendsTaskID else { return }
        let id = row + ObservationLayout.size
        id.update(repeating: 0, count: members.count)
        id[k] = 1
    }
}
