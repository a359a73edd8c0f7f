import Environments

// The C interface over the environments (declared in mtrl_environments.h). Every function returns 0 on
// success or a positive code (1: invalid argument, 2: non-finite action) and then leaves a message for
// `mtrl_last_error`; none traps on bad input. Buffers are caller-owned, row-major, and sized for every
// row of the handle: observations rows x observation size floats, actions rows x 4 floats, rewards rows
// doubles, flags rows bytes (0 or 1).

/// The batch behind `handle`, or an error for a null handle.
private func batch(_ handle: UnsafeMutableRawPointer?) throws(BatchError) -> BatchEnvironment {
    guard let handle else { throw .invalidArgument("the environment handle is null (closed or never created)") }
    return Unmanaged<BatchEnvironment>.fromOpaque(handle).takeUnretainedValue()
}

/// Throws unless `pointer` is non-null.
private func need(_ pointer: UnsafeRawPointer?, _ name: String) throws(BatchError) {
    guard pointer != nil else { throw .invalidArgument("\(name) is a null pointer") }
}

/// Throws unless the caller's buffers are sized for `rows` rows, as the batch has.
private func check(rows: Int64, _ environment: BatchEnvironment) throws(BatchError) {
    guard rows == Int64(environment.rowCount) else {
        throw .invalidArgument("the buffers are sized for \(rows) rows; this environment has \(environment.rowCount) (\(environment.taskCount) tasks x \(environment.rowCount / environment.taskCount) copies)")
    }
}

/// Creates an environment of `copies` rows per task: `tasks` is `mt10`, `mt50`, `all`, `mt1:<task>`,
/// a task name or comma-separated task names; `taskIDs` the one-hot vocabulary in the same syntax
/// (null or empty: no task id); `seed` fixes the layouts (as `mtrl --seed`); `fixedLayouts` non-zero
/// keeps layout 0 at every reset. Writes the handle to `handle`; rows start reset.
@_cdecl("mtrl_create")
public func mtrl_create(_ tasks: UnsafePointer<CChar>?, _ taskIDs: UnsafePointer<CChar>?, _ seed: UInt64, _ fixedLayouts: Int32,
                        _ horizon: Int64, _ copies: Int64, _ handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> Int32 {
    reporting { () throws(BatchError) in
        try need(tasks, "tasks")
        try need(handle, "handle")
        let selected = try TaskSelection.tasks(String(cString: tasks!))
        let idText = taskIDs.map { String(cString: $0) } ?? ""
        let vocabulary = idText.isEmpty ? [] : try TaskSelection.tasks(idText)
        guard horizon >= 1, horizon <= 1_000_000_000 else { throw .invalidArgument("horizon must be in 1...1000000000, got \(horizon)") }
        guard copies >= 1, copies <= 1_000_000 else { throw .invalidArgument("copies must be in 1...1000000, got \(copies)") }
        let environment = try BatchEnvironment(tasks: selected, idTasks: vocabulary, seed: seed, layoutMode: fixedLayouts != 0 ? .fixed : .resampled,
                                               horizon: Int(horizon), copies: Int(copies))
        handle!.pointee = Unmanaged.passRetained(environment).toOpaque()
    }
}

/// Frees the environment; a null handle is allowed and does nothing.
@_cdecl("mtrl_close")
public func mtrl_close(_ handle: UnsafeMutableRawPointer?) -> Int32 {
    if let handle { Unmanaged<BatchEnvironment>.fromOpaque(handle).release() }
    return 0
}

/// Writes rows, observation size, tasks per copy, horizon and layouts per task to the five counts.
@_cdecl("mtrl_shape")
public func mtrl_shape(_ handle: UnsafeMutableRawPointer?, _ counts: UnsafeMutablePointer<Int64>?) -> Int32 {
    reporting { () throws(BatchError) in
        let environment = try batch(handle)
        try need(counts, "counts")
        counts![0] = Int64(environment.rowCount)
        counts![1] = Int64(environment.observationSize)
        counts![2] = Int64(environment.taskCount)
        counts![3] = Int64(environment.horizon)
        counts![4] = Int64(environment.layoutCount)
    }
}

/// Writes the name of row `row`'s task (NUL-terminated, cut to `capacity` bytes) into `buffer`.
@_cdecl("mtrl_task_name")
public func mtrl_task_name(_ handle: UnsafeMutableRawPointer?, _ row: Int64, _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64) -> Int32 {
    reporting { () throws(BatchError) in
        let environment = try batch(handle)
        try need(buffer, "buffer")
        guard row >= 0, row < Int64(environment.rowCount) else { throw .invalidArgument("row \(row) is outside 0..<\(environment.rowCount)") }
        _ = copyText(environment.rows[Int(row)].taskName, to: buffer, capacity: capacity)
    }
}

/// Writes the comma-separated task names of `list` (same syntax as `mtrl_create`'s `tasks`) into
/// `buffer` (NUL-terminated) and their UTF-8 length to `length`; call with capacity 0 to learn it.
@_cdecl("mtrl_list_tasks")
public func mtrl_list_tasks(_ list: UnsafePointer<CChar>?, _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64, _ length: UnsafeMutablePointer<Int64>?) -> Int32 {
    reporting { () throws(BatchError) in
        try need(list, "list")
        let names = try TaskSelection.tasks(String(cString: list!)).map(\.name).joined(separator: ",")
        let full = copyText(names, to: buffer, capacity: capacity)
        length?.pointee = full
    }
}

/// Resets the rows whose `mask` byte is non-zero (every row when `mask` is null), writing their rows
/// of `observations`. With `seeds` (rows values, may be null) each reset row's layout generator is
/// reseeded first, so the same seeds give the same layouts.
@_cdecl("mtrl_reset")
public func mtrl_reset(_ handle: UnsafeMutableRawPointer?, _ seeds: UnsafePointer<UInt64>?, _ mask: UnsafePointer<UInt8>?,
                       _ rows: Int64, _ observations: UnsafeMutablePointer<Float>?) -> Int32 {
    reporting { () throws(BatchError) in
        let environment = try batch(handle)
        try check(rows: rows, environment)
        try need(observations, "observations")
        environment.reset(mask: mask, seeds: seeds, observations: observations!)
    }
}

/// Resets row `row` onto layout `layout` (0..<50; episode e of `mtrl expert` uses layout e mod 50) and
/// writes its observation (observation size floats) to `observation`.
@_cdecl("mtrl_reset_layout")
public func mtrl_reset_layout(_ handle: UnsafeMutableRawPointer?, _ row: Int64, _ layout: Int64, _ observation: UnsafeMutablePointer<Float>?) -> Int32 {
    reporting { () throws(BatchError) in
        let environment = try batch(handle)
        try need(observation, "observation")
        try environment.reset(row: Int(row), layout: Int(layout), observation: observation!)
    }
}

/// Steps every row whose `skip` byte is zero (every row when `skip` is null) with its action (rows x 4
/// floats, clipped to [-1, 1]); writes its observation row, reward, success and truncation flag.
/// Skipped rows' outputs are untouched. A NaN or infinite action of a stepped row returns 2 and steps
/// nothing. A row past its horizon keeps stepping and keeps reporting truncation until reset.
@_cdecl("mtrl_step")
public func mtrl_step(_ handle: UnsafeMutableRawPointer?, _ actions: UnsafePointer<Float>?, _ skip: UnsafePointer<UInt8>?, _ rows: Int64,
                      _ observations: UnsafeMutablePointer<Float>?, _ rewards: UnsafeMutablePointer<Double>?,
                      _ successes: UnsafeMutablePointer<UInt8>?, _ truncated: UnsafeMutablePointer<UInt8>?) -> Int32 {
    reporting { () throws(BatchError) in
        let environment = try batch(handle)
        try check(rows: rows, environment)
        try need(actions, "actions")
        try need(observations, "observations")
        try need(rewards, "rewards")
        try need(successes, "successes")
        try need(truncated, "truncated")
        try environment.step(actions: actions!, skip: skip, observations: observations!, rewards: rewards!, successes: successes!, truncated: truncated!)
    }
}

/// Writes each row's scripted expert action (rows x 4 floats) for the observation rows given.
@_cdecl("mtrl_expert_actions")
public func mtrl_expert_actions(_ handle: UnsafeMutableRawPointer?, _ observations: UnsafePointer<Float>?, _ rows: Int64, _ actions: UnsafeMutablePointer<Float>?) -> Int32 {
    reporting { () throws(BatchError) in
        let environment = try batch(handle)
        try check(rows: rows, environment)
        try need(observations, "observations")
        try need(actions, "actions")
        environment.expertActions(observations: observations!, actions: actions!)
    }
}

/// Copies the last error message (NUL-terminated, cut to `capacity` bytes) into `buffer`; returns its
/// full UTF-8 length (0 when no call has failed).
@_cdecl("mtrl_last_error")
public func mtrl_last_error(_ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64) -> Int64 {
    copyText(lastError.withLock { $0 }, to: buffer, capacity: capacity)
}
