import Agents

/// Sums of the training statistics since the last `train.csv` row, per task. Saved in checkpoints
/// written between two rows, so the resumed run's next row is the uninterrupted run's.
struct LogWindow: Codable {
    private(set) var updates = 0
    private var criticLoss: [Double]
    private var actorLoss: [Double]
    private var temperature: [Double]
    private var entropy: [Double]
    private var episodes: [Int]
    private var successes: [Int]
    private var actorConflict = 0.0, actorCosine = 0.0, criticConflict = 0.0, criticCosine = 0.0

    /// Whether every per-task sum has `taskCount` entries (checks a window read back from a checkpoint).
    func fits(taskCount: Int) -> Bool {
        [criticLoss.count, actorLoss.count, temperature.count, entropy.count, episodes.count, successes.count].allSatisfy { $0 == taskCount }
            && updates >= 0
    }

    init(taskCount: Int) {
        criticLoss = [Double](repeating: 0, count: taskCount)
        actorLoss = criticLoss
        temperature = criticLoss
        entropy = criticLoss
        episodes = [Int](repeating: 0, count: taskCount)
        successes = episodes
    }

    mutating func record(_ statistics: UpdateStatistics) {
        updates += 1
        for task in criticLoss.indices {
            criticLoss[task] += Double(statistics.criticLoss[task])
            actorLoss[task] += Double(statistics.actorLoss[task])
            temperature[task] += Double(statistics.temperature[task])
            entropy[task] += Double(statistics.entropy[task])
        }
        actorConflict += statistics.actorConflicts.conflictFraction
        actorCosine += statistics.actorConflicts.meanCosine
        criticConflict += statistics.criticConflicts.conflictFraction
        criticCosine += statistics.criticConflicts.meanCosine
    }

    mutating func recordEpisode(task: Int, succeeded: Bool) {
        episodes[task] += 1
        if succeeded { successes[task] += 1 }
    }

    /// The window's means as TensorBoard scalars, named as train.csv's columns: `train/<column>/<task>`
    /// and `train/<column>/mean` (the mean over tasks) for the per-task columns, `train/<column>` for the
    /// shared conflict statistics. What was not measured in the window (no updates, no episodes) is left out;
    /// the episode success rate's mean is over the tasks that finished an episode in the window.
    func scalars(taskNames: [String]) -> [(tag: String, value: Double)] {
        var result = [(tag: String, value: Double)]()
        func add(_ column: String, _ values: [Double], names: [String]? = nil) {
            for (task, value) in zip(names ?? taskNames, values) { result.append(("train/\(column)/\(task)", value)) }
            result.append(("train/\(column)/mean", values.reduce(0, +) / Double(max(values.count, 1))))
        }
        add("episodes", episodes.map(Double.init))
        if updates > 0 {
            let n = Double(updates)
            add("critic_loss", criticLoss.map { $0 / n })
            add("actor_loss", actorLoss.map { $0 / n })
            add("temperature", temperature.map { $0 / n })
            add("entropy", entropy.map { $0 / n })
            for (column, sum) in [("actor_conflict_fraction", actorConflict), ("actor_mean_cosine", actorCosine),
                                  ("critic_conflict_fraction", criticConflict), ("critic_mean_cosine", criticCosine)] {
                result.append(("train/\(column)", sum / n))
            }
        }
        let finished = taskNames.indices.filter { episodes[$0] > 0 }
        if !finished.isEmpty {
            add("episode_success_rate", finished.map { Double(successes[$0]) / Double(episodes[$0]) }, names: finished.map { taskNames[$0] })
        }
        return result
    }

    /// One CSV row per task; empty fields where nothing was measured in the window.
    func rows(step: Int, taskNames: [String]) -> [String] {
        let n = Double(updates)
        func mean(_ value: Double) -> String { updates == 0 ? "" : format(value / n) }
        let shared = [mean(actorConflict), mean(actorCosine), mean(criticConflict), mean(criticCosine)].joined(separator: ",")
        return taskNames.indices.map { task in
            let rate = episodes[task] == 0 ? "" : format(Double(successes[task]) / Double(episodes[task]))
            return "\(step),\(taskNames[task]),\(mean(criticLoss[task])),\(mean(actorLoss[task])),\(mean(temperature[task])),\(mean(entropy[task])),\(episodes[task]),\(rate),\(shared)"
        }
    }
}
