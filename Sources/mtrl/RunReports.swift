import ArgumentParser
import Experiment
import Foundation
import Reporting

/// What `mtrl plot` and `mtrl compare` share: the `--label` keys, loading the run folders with their
/// warnings, and writing a report file.
enum RunReports {
    /// The config keys of `--label`, or a command-line error naming the valid keys.
    static func labelKeys(_ label: String) throws -> [String] {
        do {
            return try RunCurves.labelKeys(parsing: label)
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }

    /// The curves of `metric` in `folders`, grouped by the `--label` keys; every skipped folder or
    /// ignored line is printed to standard error as a warning.
    static func load(_ folders: [String], metric: String = "success_rate", label: String) throws -> RunCurves {
        let curves = try RunCurves(folders: folders.map { URL(fileURLWithPath: $0) }, column: metric, labelKeys: try labelKeys(label))
        for warning in curves.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        return curves
    }

    /// Writes `text` to `path` atomically; a failure becomes one message naming the file.
    static func write(_ text: String, to path: String) throws {
        do {
            try AtomicFile.write(text, to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
