import Environments
import Testing

func expertSuccesses<T: ManipulationTask>(_ task: T, seed: UInt64, problems: inout [String]) -> Int {
    let checker = ConformanceChecker(task: task, seed: seed)
    var successes = 0
    for layout in 0..<Tabletop.layoutCount {
        if checker.episode(layout: layout, problems: &problems, policy: { observation, _ in task.expertAction(for: observation) }) { successes += 1 }
    }
    return successes
}

func randomSuccesses<T: ManipulationTask>(_ task: T, seed: UInt64, problems: inout [String]) -> Int {
    let checker = ConformanceChecker(task: task, seed: seed)
    var successes = 0
    for layout in 0..<Tabletop.layoutCount {
        if checker.episode(layout: layout, problems: &problems, policy: { _, generator in randomAction(&generator) }) { successes += 1 }
    }
    return successes
}

func layoutProblems<T: ManipulationTask>(_ task: T, seed: UInt64) -> [String] {
    var problems: [String] = []
    let environment = TaskEnvironment(task: task, seed: seed)
    let layouts = environment.layouts
    if layouts.count != Tabletop.layoutCount { problems.append("\(task.name): \(layouts.count) layouts") }
    for layout in layouts {
        if !task.resetRanges.object.contains(layout.object) { problems.append("\(task.name): object \(layout.object) outside its range") }
        if !task.resetRanges.goal.contains(layout.goal) { problems.append("\(task.name): goal \(layout.goal) outside its range") }
    }
    let distinct = Set(layouts.map { "\($0.object)\($0.goal)" }).count
    if distinct < layouts.count { problems.append("\(task.name): only \(distinct) distinct layouts") }
    for (index, scene) in environment.initialScenes.enumerated() where scene.goal != layouts[index].goal {
        problems.append("\(task.name): scene goal differs from layout goal")
    }
    return problems
}

func determinismHolds<T: ManipulationTask>(_ task: T, seed: UInt64) -> Bool {
    func run() -> [Float] {
        var environment = TaskEnvironment(task: task, seed: seed, horizon: 200)
        var generator = SplitMix64(seed: seed)
        var trace: [Float] = environment.observation
        for _ in 0..<200 {
            let outcome = environment.step(randomAction(&generator))
            trace += environment.observation
            trace.append(Float(outcome.reward))
        }
        environment.reset()
        trace += environment.observation
        return trace
    }
    return run() == run()
}

func restsWhenIdle<T: ManipulationTask>(_ task: T, seed: UInt64) -> Bool {
    var environment = TaskEnvironment(task: task, seed: seed)
    let start = environment.observation
    for _ in 0..<20 { _ = environment.step(Action(0, 0, 0, -1)) }
    let end = environment.observation
    return Array(start[4..<18]) == Array(end[4..<18])
}

@Suite("Every registered task")
struct TaskConformanceTests {
    @Test("layouts lie in the ranges and differ", arguments: TaskCatalog.names)
    func layouts(name: String) throws {
        let task = try TaskCatalog.task(named: name)
        let problems = layoutProblems(task, seed: 3)
        #expect(problems == [])
    }

    @Test("same seed and actions give the same episode", arguments: TaskCatalog.names)
    func determinism(name: String) throws {
        let task = try TaskCatalog.task(named: name)
        let holds = determinismHolds(task, seed: 11)
        #expect(holds)
    }

    @Test("objects stay put when nothing touches them", arguments: TaskCatalog.names)
    func idle(name: String) throws {
        let task = try TaskCatalog.task(named: name)
        let rests = restsWhenIdle(task, seed: 5)
        #expect(rests)
    }

    @Test("the expert succeeds in at least 90% of 50 episodes; observations, rewards and success conform", arguments: TaskCatalog.names)
    func expert(name: String) throws {
        let task = try TaskCatalog.task(named: name)
        var problems: [String] = []
        let successes = expertSuccesses(task, seed: 1, problems: &problems)
        #expect(problems.prefix(5) == [])
        #expect(successes >= 45, "\(name): expert \(successes)/50")
    }

    @Test("a random policy succeeds in at most 30% of 50 episodes", arguments: TaskCatalog.names)
    func random(name: String) throws {
        let task = try TaskCatalog.task(named: name)
        var problems: [String] = []
        let successes = randomSuccesses(task, seed: 2, problems: &problems)
        #expect(problems.prefix(5) == [])
        #expect(successes <= 15, "\(name): random \(successes)/50")
    }
}
