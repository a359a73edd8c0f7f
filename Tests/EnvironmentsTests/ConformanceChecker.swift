import Environments

/// Runs a task through the checks every task must pass, independently of how it is written.
struct ConformanceChecker<T: ManipulationTask> {
    let task: T
    let seed: UInt64

    /// Success criteria recomputed from the observation alone (REFERENCE.md's table), with the distance
    /// compared to its threshold; `nil` for tasks without an independent formula here.
    static func criterion(for name: String) -> ((Observation) -> (value: Double, threshold: Double))? {
        switch name {
        case "reach": return { o in ((o.tcp - o.goal).norm, 0.05) }
        case "push": return { o in ((o.firstPosition - o.goal).norm, 0.05) }
        case "pick-place": return { o in ((o.firstPosition - o.goal).norm, 0.07) }
        case "door-open": return { o in (abs(o.firstPosition.x - o.goal.x), 0.08) }
        case "drawer-open": return { o in ((o.firstPosition - o.goal).norm, 0.03) }
        case "drawer-close": return { o in ((o.firstPosition - o.goal).norm, 0.065) }
        case "button-press-topdown": return { o in (abs(o.firstPosition.z - o.goal.z), 0.024) }
        case "peg-insert-side": return { o in (((o.firstPosition - o.goal) * Vector3(1, 2, 2)).norm, 0.07) }
        case "window-open", "window-close": return { o in (abs(o.firstPosition.x - o.goal.x), 0.05) }
        case "reach-wall": return { o in ((o.tcp - o.goal).norm, 0.05) }
        case "bin-picking", "sweep": return { o in ((o.firstPosition - o.goal).norm, 0.05) }
        case "hand-insert": return { o in ((o.firstPosition - o.goal).norm, 0.05) }
        case "coffee-push", "coffee-pull": return { o in ((o.firstPosition - o.goal).norm, 0.07) }
        case "basketball": return { o in (((o.firstPosition - o.goal) * Vector3(1, 1, 2)).norm, 0.08) }
        case "box-close": return { o in ((o.firstPosition - o.goal).norm, 0.08) }
        case "button-press-topdown-wall": return { o in (abs(o.firstPosition.z - o.goal.z), 0.024) }
        case "button-press", "coffee-button": return { o in (abs(o.firstPosition.y - o.goal.y), 0.02) }
        case "button-press-wall": return { o in (abs(o.firstPosition.y - o.goal.y), 0.03) }
        case "door-lock": return { o in (abs(o.firstPosition.z - o.goal.z), 0.02) }
        case "door-unlock": return { o in (abs(o.firstPosition.x - o.goal.x), 0.02) }
        case "handle-press", "handle-press-side": return { o in (abs(o.firstPosition.z - o.goal.z), 0.02) }
        case "handle-pull": return { o in (abs(o.firstPosition.z - o.goal.z), 0.05) }
        case "handle-pull-side": return { o in ((o.firstPosition - o.goal).norm, 0.08) }
        case "door-close": return { o in ((o.firstPosition - o.goal).norm, 0.08) }
        case "faucet-open", "faucet-close", "dial-turn": return { o in ((o.firstPosition - o.goal).norm, 0.07) }
        case "lever-pull": return { o in ((o.firstPosition - o.goal).norm, 0.4 * 0.065_403_129_230_143_07) }
        case "peg-unplug-side": return { o in ((o.firstPosition - o.goal).norm, 0.07) }
        case "disassemble": return { o in (o.goal.z - o.firstPosition.z, 0) }
        case "assembly": return { o in (max(o.firstPosition.horizontalDistance(to: o.goal), 0.02 + o.firstPosition.z - o.goal.z), 0.02) }
        case "hammer": return { o in (o.goal.y - o.secondPosition.y, 0) }
        case "stick-push":
            return { o in
                let held = abs(o.gripper - 0.4) < 1e-3 && (o.firstPosition - o.tcp).norm < 0.03
                return (held ? (o.secondPosition - o.goal).norm : .infinity, 0.12)
            }
        case "stick-pull":
            return { o in
                let end = o.firstPosition + Vector3(0.1, 0, 0)
                let d = end - o.secondPosition
                let inserted = abs(d.x) < 0.03 && abs(d.y) < 0.012 && abs(d.z) < 0.015
                return (inserted ? (o.secondPosition - o.goal).norm : .infinity, 0.12)
            }
        case "sweep-into": return { o in (o.firstPosition.horizontalDistance(to: o.goal), 0.05) }
        case "pick-place-wall", "pick-out-of-hole", "push-wall", "push-back", "shelf-place", "soccer",
             "plate-slide", "plate-slide-side", "plate-slide-back", "plate-slide-back-side":
            return { o in ((o.firstPosition - o.goal).norm, 0.07) }
        default: return nil
        }
    }

    /// Runs one episode with `policy` from layout `layout`; returns whether any step succeeded, and
    /// records every problem found in `problems`.
    func episode(layout: Int, horizon: Int = Tabletop.defaultHorizon, problems: inout [String], policy: (Observation, inout SplitMix64) -> Action) -> Bool {
        var environment = TaskEnvironment(task: task, seed: seed, horizon: horizon)
        environment.reset(layout: layout)
        var generator = SplitMix64(seed: seed &+ UInt64(layout))
        var observation = environment.observation
        check(observation, previousEqualsCurrent: true, problems: &problems)
        let criterion = Self.criterion(for: task.name)
        var succeeded = false
        for step in 1...horizon {
            let action = policy(Observation(observation), &generator)
            let outcome = environment.step(action)
            observation = environment.observation
            check(observation, previousEqualsCurrent: false, problems: &problems)
            if !(outcome.reward >= 0 && outcome.reward <= 10) { problems.append("\(task.name): reward \(outcome.reward) outside [0, 10]") }
            if let criterion {
                let (value, threshold) = criterion(Observation(observation))
                if abs(value - threshold) > 1e-4 && (value <= threshold) != outcome.success {
                    problems.append("\(task.name): success \(outcome.success) but criterion value \(value) vs \(threshold) at step \(step)")
                }
            }
            if outcome.success { succeeded = true }
            if outcome.truncated != (step == horizon) { problems.append("\(task.name): truncation at step \(step) wrong") }
        }
        return succeeded
    }

    /// Checks layout and bounds of one observation.
    func check(_ observation: [Float], previousEqualsCurrent: Bool, problems: inout [String]) {
        if observation.count != ObservationLayout.size { problems.append("\(task.name): observation has \(observation.count) floats") }
        if !observation.allSatisfy(\.isFinite) { problems.append("\(task.name): non-finite observation") }
        let o = Observation(observation)
        for axis in 0..<3 where o.hand[axis] < Tabletop.workspaceLower[axis] - 1e-5 || o.hand[axis] > Tabletop.workspaceUpper[axis] + 1e-5 {
            problems.append("\(task.name): hand outside the workspace: \(o.hand)")
        }
        if !(o.gripper >= 0 && o.gripper <= 1) { problems.append("\(task.name): gripper \(o.gripper) outside [0, 1]") }
        if o.firstPosition.z < -1e-5 { problems.append("\(task.name): object below the table: \(o.firstPosition)") }
        if previousEqualsCurrent && Array(observation[0..<18]) != Array(observation[18..<36]) {
            problems.append("\(task.name): previous frame differs from current right after reset")
        }
    }
}

/// A uniformly random action in [-1, 1]^4.
func randomAction(_ generator: inout SplitMix64) -> Action {
    Action(generator.uniform(-1, 1), generator.uniform(-1, 1), generator.uniform(-1, 1), generator.uniform(-1, 1))
}
