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
