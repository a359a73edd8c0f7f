import Environments

/// Checks that a task's reward leads somewhere: that the state a reward-following learner reaches first
/// is not a dead end (the review of issue #12 found drawer-open, door-open and button-press-topdown
/// paying full or nearly full reach at spots from which no progress was possible).
///
/// Three kinds of state of an episode on one layout are compared:
/// - **parked**: the expert's last state before anything of the task changes (a body moves, a fixture
///   turns or slides, or the fingers grasp): the TCP where the expert starts working, nothing moved.
/// - **greedy**: where a one-step greedy policy ends, starting from the reset. At every step it takes,
///   of 54 candidate actions (each hand axis -1, 0 or +1, the gripper open or closed), the one whose
///   next reward is highest, and it stops when none raises the reward. This is the natural approach of a
///   learner that follows the reward: straight at whatever the reach term pays for.
/// - **nudged**: states reachable from the greedy state by a short scripted nudge: one straight segment
///   of 1-8 steps of one candidate action ("pull", "press", "close"), or two such segments ("lift, then
///   move over").
///
/// The rules (each would have caught one of the review's findings; the test of the checker shows it):
/// - the parked reward is at most `parkedCeiling`, well below the solved 10;
/// - **progress is one straight move away**: from the greedy state, one segment reaches a reward at
///   least `progressMargin` above both the parked and the greedy reward (or the greedy policy itself
///   moved something and earned that much, or solved the task);
/// - **or the stop is visibly worse**: the greedy state pays at least `plateauGap` less than the parked
///   state, so the reward still points onward, and two segments make progress. A stop that pays about
///   what the parked state pays, from which one straight move does nothing, is a dead end: drawer-open
///   and door-open pushing the closed handle (findings 1 and 2), the button's side (finding 5).
struct ShapingChecker<T: ManipulationTask> {
    let task: T
    let seed: UInt64

    /// Highest reward a parked state may pay.
    static var parkedCeiling: Double { 5 }
    /// How much more than the parked reward a short nudge from the greedy state must reach.
    static var progressMargin: Double { 0.1 }
    /// How much less than the parked reward a greedy stop that needs two segments must pay.
    static var plateauGap: Double { 0.2 }
    /// Steps of one segment of a nudge.
    static var segmentLengths: [Int] { [1, 3, 8] }

    /// The 54 candidate actions: each hand axis in {-1, 0, 1}, gripper closed (+1) or open (-1).
    static var candidates: [Action] {
        var actions: [Action] = []
        for grip in [1.0, -1.0] {
            for x in [-1.0, 0, 1] {
                for y in [-1.0, 0, 1] {
                    for z in [-1.0, 0, 1] { actions.append(Action(x, y, z, grip)) }
                }
            }
        }
        return actions
    }

    /// Everything of the scene but the hand and the gripper opening: what "nothing moved" compares.
    static func taskState(_ scene: Scene) -> [Double] {
        let held: Double = switch scene.held {
        case .none: 0
        case .first: 1
        case .second: 2
        }
        let first = scene.first.position
        let second = scene.second.position
        return [first.x, first.y, first.z, second.x, second.y, second.z, scene.joint, scene.auxiliary, held]
    }

    /// The result of the check on one layout.
    struct Finding {
        var parked: Double
        var greedy: Double
        var nudged: Double
        var greedySolved: Bool
        var problems: [String]
    }

    /// A fresh environment on `layout` with a horizon long enough for every probe.
    func environment(layout: Int) -> TaskEnvironment<T> {
        var environment = TaskEnvironment(task: task, seed: seed, horizon: 10_000)
        environment.reset(layout: layout)
        return environment
    }

    /// The reward of the expert's parked state on `layout`; nil when nothing is parked: the expert
    /// changes the task state on its first step, or solves the task without changing it (reach tasks,
    /// whose reach term is the task).
    func parkedReward(layout: Int) -> Double? {
        var environment = environment(layout: layout)
        let start = Self.taskState(environment.scene)
        var reward: Double?
        for _ in 0..<Tabletop.defaultHorizon {
            var next = environment
            let outcome = next.step(environment.expertAction())
            if outcome.success && Self.taskState(next.scene) == start { return nil }
            if Self.taskState(next.scene) != start { return reward }
            reward = outcome.reward
            environment = next
        }
        return reward
    }

    /// Runs the greedy policy from the reset of `layout`; returns its final environment and reward.
    func greedy(layout: Int) -> (environment: TaskEnvironment<T>, reward: Double, solved: Bool) {
        var environment = environment(layout: layout)
        var reward = environment.evaluation.reward
        for _ in 0..<Tabletop.defaultHorizon {
            var best: (TaskEnvironment<T>, StepOutcome)?
            for action in Self.candidates {
                var trial = environment
                let outcome = trial.step(action)
                if best == nil || outcome.reward > best!.1.reward { best = (trial, outcome) }
            }
            guard let (next, outcome) = best, outcome.reward > reward + 1e-9 else { break }
            environment = next
            reward = outcome.reward
            if outcome.success { return (environment, reward, true) }
        }
        return (environment, reward, false)
    }

    /// The best reward reached by one straight segment of at most 8 steps from `start`.
    func bestSingleNudge(from start: TaskEnvironment<T>) -> Double {
        var best = start.evaluation.reward
        for action in Self.candidates {
            var trial = start
            for _ in 0..<Self.segmentLengths.last! { best = max(best, trial.step(action).reward) }
        }
        return best
    }

    /// The best reward reached by two straight segments from `start`.
    func bestDoubleNudge(from start: TaskEnvironment<T>) -> Double {
        var best = start.evaluation.reward
        let candidates = Self.candidates
        for first in candidates {
            for firstLength in Self.segmentLengths {
                var afterFirst = start
                for _ in 0..<firstLength { best = max(best, afterFirst.step(first).reward) }
                best = max(best, bestSingleNudge(from: afterFirst))
            }
        }
        return best
    }

    /// Applies the rules on `layout`.
    func check(layout: Int) -> Finding {
        guard let parked = parkedReward(layout: layout) else {
            return Finding(parked: .nan, greedy: .nan, nudged: .nan, greedySolved: false, problems: [])
        }
        let (end, greedyReward, solved) = greedy(layout: layout)
        var problems: [String] = []
        if parked > Self.parkedCeiling {
            problems.append("\(task.name) layout \(layout): parked reward \(parked) > \(Self.parkedCeiling)")
        }
        let moved = Self.taskState(end.scene) != Self.taskState(environment(layout: layout).scene)
        if solved || (moved && greedyReward >= parked + Self.progressMargin) {
            return Finding(parked: parked, greedy: greedyReward, nudged: greedyReward, greedySolved: solved, problems: problems)
        }
        let target = max(parked, greedyReward) + Self.progressMargin
        let single = bestSingleNudge(from: end)
        if single >= target {
            return Finding(parked: parked, greedy: greedyReward, nudged: single, greedySolved: false, problems: problems)
        }
        let double = greedyReward <= parked - Self.plateauGap ? bestDoubleNudge(from: end) : single
        if double < target {
            problems.append("\(task.name) layout \(layout): dead end: greedy stops at reward \(greedyReward) (TCP \(end.scene.tcp)); one straight move reaches \(single), two reach \(double); parked pays \(parked)")
        }
        return Finding(parked: parked, greedy: greedyReward, nudged: double, greedySolved: false, problems: problems)
    }
}
