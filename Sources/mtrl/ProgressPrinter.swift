import Experiment
import Foundation

/// Prints training progress: on a terminal a live status line, rewritten in place; otherwise a plain
/// line per evaluation. Every evaluation also prints the per-task success table.
final class ProgressPrinter {
    private let total: Int
    private let isTerminal = isatty(STDOUT_FILENO) != 0
    private var statusShown = false

    init(total: Int) {
        self.total = total
    }

    func handle(_ event: TrainingEvent) {
        switch event {
        case let .progress(step, total, environmentStepsPerSecond, updatesPerSecond, elapsed, lastMeanSuccess):
            guard isTerminal else { return }
            let remaining = elapsed / Double(max(step, 1)) * Double(total - step)
            let success = lastMeanSuccess.map { String(format: "%.2f", $0) } ?? "-"
            let speeds = String(format: "%.0f env steps/s  %.1f updates/s", environmentStepsPerSecond, updatesPerSecond)
            let line = "step \(step)/\(total)  \(speeds)  ETA \(duration(remaining))  mean success \(success)"
            print("\r\u{1B}[2K" + line, terminator: "")
            fflush(nil)
            statusShown = true
        case let .evaluated(step, results):
            clearStatus()
            let mean = Evaluator.meanSuccess(results)
            print("Evaluation at step \(step): mean success \(String(format: "%.2f", mean))")
            let width = max(results.map(\.task.count).max() ?? 4, 4)
            for result in results {
                print("  \(result.task.padding(toLength: width, withPad: " ", startingAt: 0))  success \(String(format: "%.2f", result.successRate))  return \(String(format: "%7.1f", result.meanReturn))")
            }
            fflush(nil)
        case .checkpointed:
            break
        }
    }

    func finish() {
        clearStatus()
    }

    private func clearStatus() {
        if statusShown {
            print("\r\u{1B}[2K", terminator: "")
            statusShown = false
        }
    }

    private func duration(_ seconds: Double) -> String {
        let s = Int(seconds.isFinite ? seconds : 0)
        return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
    }
}
