import Foundation
import Reporting

/// What a run logs to TensorBoard (`log_tensorboard: true`): the scalars of eval.csv and train.csv,
/// per task under the task's name, plus the mean over tasks, at the same steps.
///
/// Tags: `eval/success_rate/<task>`, `eval/mean_return/<task>` (and `/mean`), and train.csv's columns as
/// `train/<column>/<task>` (and `/mean`; the shared conflict statistics as `train/<column>`).
struct TensorBoardLog {
    private let writer: EventFileWriter

    /// Opens the run folder's event file, continuing it after `step` (a resumed run drops what was logged
    /// after its checkpoint, so no step appears twice).
    init(folder: RunFolder, resumingAt step: Int) throws {
        writer = try EventFileWriter(folder: folder.url, resumingAt: step)
    }

    /// Logs one evaluation, as eval.csv has it.
    func logEvaluation(step: Int, results: [TaskEvaluation]) throws {
        var scalars = [(tag: String, value: Double)]()
        for result in results {
            scalars.append(("eval/success_rate/\(result.task)", result.successRate))
            scalars.append(("eval/mean_return/\(result.task)", result.meanReturn))
        }
        scalars.append(("eval/success_rate/mean", Evaluator.meanSuccess(results)))
        scalars.append(("eval/mean_return/mean", results.map(\.meanReturn).reduce(0, +) / Double(max(results.count, 1))))
        try writer.write(step: step, scalars: scalars)
    }

    /// Logs one train.csv window.
    func logTraining(step: Int, window: LogWindow, taskNames: [String]) throws {
        try writer.write(step: step, scalars: window.scalars(taskNames: taskNames))
    }
}
