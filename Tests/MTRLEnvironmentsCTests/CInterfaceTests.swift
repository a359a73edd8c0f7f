import Environments
import MTRLEnvironmentsC
import Testing

/// The last error message, through the C interface.
private func lastMessage() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    _ = mtrl_last_error(&buffer, Int64(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// A handle for `tasks`, or nil with the error message recorded.
private func create(_ tasks: String, ids: String? = nil, seed: UInt64 = 0, horizon: Int64 = 150, copies: Int64 = 1) -> (Int32, UnsafeMutableRawPointer?) {
    var handle: UnsafeMutableRawPointer?
    let status = tasks.withCString { taskText in
        if let ids { return ids.withCString { mtrl_create(taskText, $0, seed, 0, horizon, copies, &handle) } }
        return mtrl_create(taskText, nil, seed, 0, horizon, copies, &handle)
    }
    return (status, handle)
}

@Test("the C interface steps exactly as the Swift suite does, one-hot ids included")
func matchesSuite() throws {
    let (status, handle) = create("mt10", ids: "mt10", seed: 3)
    #expect(status == 0)
    defer { _ = mtrl_close(handle) }
    let suite = try Suite(.mt10, seed: 3, appendTaskID: true)
    let size = suite.observationSize, rows = suite.count
    var counts = [Int64](repeating: 0, count: 5)
    #expect(mtrl_shape(handle, &counts) == 0)
    #expect(counts == [Int64(rows), Int64(size), 10, 150, 50])
    var mine = [Float](repeating: 0, count: rows * size), theirs = mine, theirsNext = mine
    for row in 0..<rows {
        #expect(mtrl_reset_layout(handle, Int64(row), 7, &mine[row * size]) == 0)
        theirs.withUnsafeMutableBufferPointer { suite.reset(task: row, layout: 7, observation: $0.baseAddress! + row * size) }
    }
    #expect(mine == theirs)
    var generator = SplitMix64(seed: 9)
    var rewards = [Double](repeating: 0, count: rows), successes = [UInt8](repeating: 0, count: rows), truncated = successes
    var batch = suite.makeBatch()
    batch.observations = theirs
    for _ in 0..<40 {
        let actions = (0..<(rows * 4)).map { _ in Float(generator.uniform(-1.2, 1.2)) }
        #expect(mtrl_step(handle, actions, nil, Int64(rows), &mine, &rewards, &successes, &truncated) == 0)
        suite.step(actions: actions, into: &batch)
        theirsNext = batch.nextObservations
        #expect(mine == theirsNext)
        #expect(rewards.map(Float.init) == batch.rewards)
        #expect(successes.map { $0 != 0 } == batch.successes)
    }
}

@Test("bad input returns a code and a message, never a trap")
func errors() {
    let unknown = create("pick-plcae")
    #expect(unknown.0 == 1 && unknown.1 == nil)
    #expect(lastMessage().contains("unknown task 'pick-plcae'"))
    #expect(create("reach", horizon: 0).0 == 1 && lastMessage().contains("horizon"))
    #expect(create("reach", copies: 0).0 == 1 && lastMessage().contains("copies"))
    #expect(create("reach,reach").0 == 1 && lastMessage().contains("twice"))
    #expect(create("assembly", ids: "mt10").0 == 1 && lastMessage().contains("not among the task-id tasks"))
    var observations = [Float](repeating: 0, count: 2 * 39), rewards = [Double](repeating: 0, count: 2)
    var flags = [UInt8](repeating: 0, count: 2), truncated = flags
    var actions = [Float](repeating: 0, count: 8)
    #expect(mtrl_step(nil, actions, nil, 2, &observations, &rewards, &flags, &truncated) == 1)
    #expect(lastMessage().contains("null"))
    let (_, handle) = create("reach,push")
    defer { _ = mtrl_close(handle) }
    #expect(mtrl_step(handle, actions, nil, 3, &observations, &rewards, &flags, &truncated) == 1)
    #expect(lastMessage().contains("sized for 3 rows"))
    actions[6] = .nan
    #expect(mtrl_step(handle, actions, nil, 2, &observations, &rewards, &flags, &truncated) == 2)
    #expect(lastMessage().contains("row 1 (task 'push')"))
    let skip: [UInt8] = [0, 1]
    #expect(mtrl_step(handle, actions, skip, 2, &observations, &rewards, &flags, &truncated) == 0)
    #expect(mtrl_reset_layout(handle, 0, 50, &observations) == 1)
    #expect(mtrl_reset_layout(handle, 2, 0, &observations) == 1)
    #expect(mtrl_close(nil) == 0)
}
