import Environments

/// Checks that a task's reward leads somewhere: that the state a reward-following learner reaches first
/// is not a dead end (the review of issue #12 found drawer-open, door-open and button-press-topdown
/// paying full or nearly full reach at spots from which no progress was possible).
///
/// Three kinds of state of an episode on one layout are compared:
/// - **parked**: the expert's last state before anything of the task changes (a body moves, a fixture
///   turns or slides, or the fingers grasp): the TCP where the expert starts working, nothing moved.
/// - **greedy**: where a one-step greedy policy ends, starting from the reset. At every step it takes,
///   of 250 candidate actions (each hand axis -1, -0.25, 0, 0.25 or 1, the gripper open or closed), the one whose
///   next reward is highest, and it stops when none raises the reward. This is the natural approach of a
///   learner that follows the reward: straight at whatever the reach term pays for.
/// - **nudged**: states reachable from the greedy state by a short scripted nudge, one or two straight
///   segments of 1-8 steps of one candidate action each ("touch, then pull", "open, then close"), along
///   which the reward never falls below the greedy state's: a learner drifting on a plateau finds these
///   without being paid less on the way.
///
/// The rules:
/// - the parked reward is at most `parkedCeiling`, well below the solved 10;
/// - progress pays: within `progressSteps` steps of the expert's work after the parked state, the
///   reward rises by at least `progressMargin` (the old door paid +0.09 for its first 10 degrees,
///   finding 2 of the review);
/// - from the greedy state, a nudge reaches a reward at least `progressMargin` above both the parked
///   and the greedy reward (or the greedy policy itself moved something and earned that much, or solved
///   the task). Where every way to progress first costs reward, the greedy state is a dead end: the
///   closed drawer's and door's handle pushed at its limit (findings 1 and 2 of the review: progress
///   needs a lift over the bar), the side of the button's plunger (finding 5: progress needs a rise that
///   pays a little less before the press pays more). `ShapingCheckerTests` shows the rules catch both
///   kinds of dead end.
struct ShapingChecker<T: ManipulationTask> {
    let task: T
    let seed: UInt64

    /// Highest reward a parked state may pay.
    static var parkedCeiling: Double { 5 }
    /// How much more than the parked reward a short nudge from the greedy state must reach.
    static var progressMargin: Double { 0.1 }
    /// Steps of the expert's work after the parked state within which its reward must have risen.
    static var progressSteps: Int { 5 }
    /// Steps of one segment of a nudge.
    static var segmentLengths: [Int] { [1, 3, 8] }

    /// The 54 candidate actions of a nudge: each hand axis in {-1, 0, 1}, gripper closed (+1) or open (-1).
    static var candidates: [Action] { actions(levels: [-1, 0, 1]) }

    /// The 250 candidate actions of the greedy policy, fine enough to come to rest within a few
    /// millimetres of what the reward pays for: each hand axis in {-1, -0.25, 0, 0.25, 1}.
    static var greedyCandidates: [Action] { actions(levels: [-1, -0.25, 0, 0.25, 1]) }

    /// Every action with hand components from `levels` and the gripper closed (+1) or open (-1).
    static func actions(levels: [Double]) -> [Action] {
        var actions: [Action] = []
        for grip in [1.0, -1.0] {
            for x in levels {
                for y in levels {
                    for z in levels { actions.append(Action(x, y, z, grip)) }
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

    /// The reward of the expert's parked state on `layout`, and the best reward of the expert's first
    /// `progressSteps` steps of work after it; nil when nothing is parked: the expert changes the task
    /// state on its first step, or solves the task without changing it (reach tasks, whose reach term is
    /// the task).
    func parkedReward(layout: Int) -> (parked: Double, progress: Double)? {
        var environment = environment(layout: layout)
        let start = Self.taskState(environment.scene)
        var parked: Double?
        for _ in 0..<Tabletop.defaultHorizon {
            let outcome = environment.step(environment.expertAction())
            if Self.taskState(environment.scene) == start {
                if outcome.success { return nil }
                parked = outcome.reward
                continue
            }
            guard let parked else { return nil }
            var progress = outcome.reward
            for _ in 1..<Self.progressSteps { progress = max(progress, environment.step(environment.expertAction()).reward) }
            return (parked, progress)
        }
        return nil
    }

    /// Runs the greedy policy from the reset of `layout`; returns its final environment and reward.
    func greedy(layout: Int) -> (environment: TaskEnvironment<T>, reward: Double, solved: Bool) {
        var environment = environment(layout: layout)
        var reward = environment.evaluation.reward
        for _ in 0..<Tabletop.defaultHorizon {
            var best: (TaskEnvironment<T>, StepOutcome)?
            for action in Self.greedyCandidates {
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

    /// The best reward reached by one straight segment of at most 8 steps of `action` from `start`,
    /// stopping where the reward falls below `floor`; also returns the states after each of
    /// `segmentLengths` steps that were reached without falling below it.
    func segment(from start: TaskEnvironment<T>, action: Action, floor: Double) -> (best: Double, ends: [TaskEnvironment<T>]) {
        var best = -Double.infinity
        var ends: [TaskEnvironment<T>] = []
        var trial = start
        for step in 1...Self.segmentLengths.last! {
            let reward = trial.step(action).reward
            if reward < floor - 1e-9 { break }
            best = max(best, reward)
            if Self.segmentLengths.contains(step) { ends.append(trial) }
        }
        return (best, ends)
    }

    /// The best reward reached from `start` by one or two straight segments along which the reward
    /// never falls below `start`'s. The gripper is free to explore where it costs nothing: the nudges
    /// also start from `start` with the fingers first opened, or closed, in place (4 steps), when that
    /// does not lower the reward.
    func bestNudge(from start: TaskEnvironment<T>) -> Double {
        let floor = start.evaluation.reward
        var best = floor
        var starts = [start]
        for grip in [-1.0, 1.0] {
            var moved = start
            var rewards: [Double] = []
            for _ in 0..<4 { rewards.append(moved.step(Action(0, 0, 0, grip)).reward) }
            if rewards.allSatisfy({ $0 >= floor - 1e-9 }) { starts.append(moved) }
        }
        for origin in starts { best = max(best, nudges(from: origin, floor: floor)) }
        return best
    }

    /// The best reward of the one- and two-segment nudges from `start` that stay at or above `floor`.
    func nudges(from start: TaskEnvironment<T>, floor: Double) -> Double {
        var best = floor
        let candidates = Self.candidates
        for first in candidates {
            let (firstBest, ends) = segment(from: start, action: first, floor: floor)
            best = max(best, firstBest)
            for end in ends {
                for second in candidates {
                    best = max(best, segment(from: end, action: second, floor: floor).best)
                }
            }
        }
        return best
    }

    /// Applies the rules on `layout`.
    func check(layout: Int) -> Finding {
        guard let (parked, progress) = parkedReward(layout: layout) else {
            return Finding(parked: .nan, greedy: .nan, nudged: .nan, greedySolved: false, problems: [])
        }
        let (end, greedyReward, solved) = greedy(layout: layout)
        var problems: [String] = []
        if parked > Self.parkedCeiling {
            problems.append("\(task.name) layout \(layout): parked reward \(parked) > \(Self.parkedCeiling)")
        }
        if progress < min(parked + Self.progressMargin, 10) {
            problems.append("\(task.name) layout \(layout): progress pays too little: \(Self.progressSteps) steps of the expert's work raise the reward from \(parked) to \(progress)")
        }
        let moved = Self.taskState(end.scene) != Self.taskState(environment(layout: layout).scene)
        if solved || (moved && greedyReward >= parked + Self.progressMargin) {
            return Finding(parked: parked, greedy: greedyReward, nudged: greedyReward, greedySolved: solved, problems: problems)
        }
        let nudged = bestNudge(from: end)
        if nudged < max(parked, greedyReward) + Self.progressMargin {
            problems.append("\(task.name) layout \(layout): dead end: greedy stops at reward \(greedyReward) (TCP \(end.scene.tcp)), the best nudge that never pays less reaches \(nudged), parked pays \(parked)")
        }
        return Finding(parked: parked, greedy: greedyReward, nudged: nudged, greedySolved: false, problems: problems)
    }
}
