import Experiment
import Foundation
import Testing

/// The text of a file a run wrote.
func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

/// Trains `config` without interruption into a new scratch folder and returns it: the reference a
/// stopped and resumed run must match.
func uninterruptedRun(_ config: ExperimentConfig) throws -> RunFolder {
    let folder = RunFolder(url: scratchFolder("whole"))
    var trainer = try Trainer(config: config, folder: folder)
    _ = try trainer.run()
    return folder
}

/// Expects `folder`'s eval.csv and train.csv to be byte for byte those of the uninterrupted run `whole`.
func expectSameLogs(_ folder: RunFolder, as whole: RunFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try text(folder.evalFile) == text(whole.evalFile), "eval.csv differs from the uninterrupted run's", sourceLocation: sourceLocation)
    #expect(try text(folder.trainFile) == text(whole.trainFile), "train.csv differs from the uninterrupted run's", sourceLocation: sourceLocation)
}
