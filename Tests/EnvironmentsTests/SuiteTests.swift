import Environments
import Testing

@Suite("Suites and bad input")
struct SuiteTests {
    @Test("MT10 has Meta-World's order and 49-float observations with a one-hot id")
    func mt10Layout() throws {
        let suite = try Suite(.mt10)
        #expect(suite.taskNames == ["reach", "push", "pick-place", "door-open", "drawer-open", "drawer-close", "button-press-topdown", "peg-insert-side", "window-open", "window-close"])
        #expect(suite.observationSize == 49)
        var batch = suite.makeBatch()
        suite.reset(into: &batch)
        for k in 0..<suite.count {
            let row = Array(batch.observations[(k * 49)..<((k + 1) * 49)])
            #expect(Array(row[39...]) == (0..<10).map { $0 == k ? 1 : 0 })
            #expect(Array(row[0..<18]) == Array(row[18..<36]))
        }
        #expect(try Suite(.mt10, appendTaskID: false).observationSize == 39)
    }

    @Test("the implemented tasks are listed in MT50 order")
    func catalogOrder() {
        let positions = TaskCatalog.names.map { TaskCatalog.mt50Order.firstIndex(of: $0) }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(Set(TaskCatalog.mt10Names).isSubset(of: Set(TaskCatalog.names)))
    }

    @Test("stepping fills every buffer, and truncated tasks reset while keeping the final observation")
    func stepAndTruncate() throws {
        let suite = try Suite(.mt10, seed: 4, horizon: 3)
        var batch = suite.makeBatch()
        suite.reset(into: &batch)
        let actions = [Float](repeating: 0.5, count: suite.count * 4)
        for step in 1...3 {
            suite.step(actions: actions, into: &batch)
            #expect(batch.truncated == [Bool](repeating: step == 3, count: suite.count))
            #expect(batch.rewards.allSatisfy { $0 >= 0 && $0 <= 10 })
            if step < 3 { #expect(batch.observations == batch.nextObservations) }
        }
        for k in 0..<suite.count {
            let fresh = Array(batch.observations[(k * 49)..<(k * 49 + 39)])
            let final = Array(batch.nextObservations[(k * 49)..<(k * 49 + 39)])
            #expect(Array(fresh[0..<3]) == [0, 0.6, 0.2])
            #expect(final[1] > 0.6)
        }
    }

    @Test("names: -v3 suffix accepted; unknown task and suite names list the valid ones")
    func names() throws {
        #expect(try TaskCatalog.task(named: "drawer-open-v3").name == "drawer-open")
        #expect(throws: EnvironmentError.self) { try TaskCatalog.task(named: "open-sesame") }
        do {
            _ = try Suite(named: "mt11")
            Issue.record("mt11 should not exist")
        } catch let error as EnvironmentError {
            #expect(error.description.contains("mt10"))
        }
        do {
            _ = try Suite(named: "mt1:teleport")
            Issue.record("teleport should not exist")
        } catch let error as EnvironmentError {
            #expect(error.description.contains("pick-place"))
        }
        #expect(try Suite(named: "mt1:reach-v3").taskNames == ["reach"])
    }

    @Test("MT50 either lists the missing tasks or has all fifty in order")
    func mt50() {
        do {
            let suite = try Suite(.mt50)
            #expect(suite.taskNames == TaskCatalog.mt50Order)
            #expect(suite.observationSize == 89)
        } catch let error as EnvironmentError {
            guard case let .incompleteSuite(_, missing) = error else { Issue.record("wrong error \(error)"); return }
            #expect(missing.count + TaskCatalog.names.count == 50)
            #expect(error.description.contains(missing[0]))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("NaN and out-of-range actions are sanitised and never reach the state")
    func badActions() {
        var clipped = TaskEnvironment(task: Reach(), seed: 9)
        var reference = TaskEnvironment(task: Reach(), seed: 9)
        for _ in 0..<20 {
            _ = clipped.step(Action(.nan, 7, -.infinity, .nan))
            _ = reference.step(Action(0, 1, -1, 0))
        }
        #expect(clipped.observation == reference.observation)
        #expect(clipped.observation.allSatisfy { $0.isFinite })
        #expect(TaskEnvironment<Reach>.sanitize(Action(.nan, 2, -3, 0.5)) == Action(0, 1, -1, 0.5))
    }

    @Test("fixed mode keeps the first layout; resampled mode draws among the fifty")
    func layoutModes() {
        var fixed = TaskEnvironment(task: Push(), seed: 2, layoutMode: .fixed)
        var resampled = TaskEnvironment(task: Push(), seed: 2)
        var indices = Set<Int>()
        for _ in 0..<30 {
            fixed.reset()
            #expect(fixed.layoutIndex == 0)
            resampled.reset()
            indices.insert(resampled.layoutIndex)
        }
        #expect(indices.count > 10)
    }

    @Test("a solid wall stops the hand")
    func walls() {
        var environment = TaskEnvironment(task: WindowOpen(), seed: 1)
        for _ in 0..<60 { _ = environment.step(Action(0, 1, -0.1, 0)) }
        let frame = environment.scene.boxes[0]
        #expect(environment.scene.hand.y + Tabletop.handHalfWidth <= frame.lower.y + 1e-9)
    }

    @Test("tolerance and Hamacher product follow dm_control and Meta-World")
    func rewardTerms() {
        #expect(Reward.tolerance(0.02, upper: 0.05, margin: 0.3) == 1)
        #expect(abs(Reward.tolerance(0.35, upper: 0.05, margin: 0.3) - 0.1) < 1e-12)
        #expect(abs(Reward.tolerance(0.35, upper: 0.05, margin: 0.3, sigmoid: .gaussian) - 0.1) < 1e-12)
        #expect(Reward.hamacher(0, 0) == 0)
        #expect(abs(Reward.hamacher(0.5, 0.5) - 1.0 / 3.0) < 1e-12)
    }
}
