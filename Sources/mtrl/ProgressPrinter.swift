import Experiment
import Foundation

/// Prints training progress. On a terminal: a live status line, rewritten about once a second, with
/// the recent speed and the time left at that speed (`ProgressRate`). Otherwise (a log file, a pipe):
/// a plain line at every `train.csv` row. Every evaluation also prints the per-task success table.
final class ProgressPrinter {
    private let isTerminal: Bool
    private var rate = ProgressRate()
    private var lastSample = -Double.infinity
    private var lastMeanSuccess: Double?
    private var statusShown = false

    /// A printer; `isTerminal` defaults to whether standard output is one.
    init(isTerminal: Bool = isatty(STDOUT_FILENO) != 0) {
        self.isTerminal = isTerminal
    }

    func handle(_ event: TrainingEvent) {
        switch event {
        case let .stepped(step, total):
            let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            guard now - lastSample >= 1 else { return }
            lastSample = now
            rate.record(step: step, time: now)
            if isTerminal {
                print("\r\u{1B}[2K" + statusLine(step: step, total: total), terminator: "")
                fflush(nil)
                statusShown = true
            }
        case let .progress(step, total, _, _, _, _):
            if !isTerminal {
                rate.record(step: step, time: Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
                print(statusLine(step: step, total: total))
                fflush(nil)
            }
        case let .evaluated(step, results):
            clearStatus()
            let mean = Evaluator.meanSuccess(results)
            lastMeanSuccess = mean
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

    /// Clears the status line, so what follows starts on a clean line.
    func finish() {
        clearStatus()
    }

    /// "step 4500/60000  21.3 steps/s  ETA 0:43:04  mean success 0.40".
    private func statusLine(step: Int, total: Int) -> String {
        let speed = rate.stepsPerSecond.map { String(format: "%.1f steps/s", $0) } ?? "- steps/s"
        let success = lastMeanSuccess.map { String(format: "%.2f", $0) } ?? "-"
        return "step \(step)/\(total)  \(speed)  ETA \(ProgressRate.clockText(rate.secondsLeft(total: total)))  mean success \(success)"
    }

    private func clearStatus() {
        if statusShown {
            print("\r\u{1B}[2K", terminator: "")
            statusShown = false
        }
    }
}
