import Foundation
import Reporting

/// A run is a folder: `config.yaml` (fully resolved), `eval.csv`, `train.csv`, `summary.json` and
/// `checkpoint.bin`. Everything a plot or a resume needs is in it.
public struct RunFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder at `url` (not created until something is written).
    public init(url: URL) {
        self.url = url
    }

    /// The resolved config.
    public var configFile: URL { url.appendingPathComponent("config.yaml") }
    /// One row per evaluation and task (plus task `mean`).
    public var evalFile: URL { url.appendingPathComponent("eval.csv") }
    /// One row per log window and task: losses, temperatures, entropy, conflict diagnostics.
    public var trainFile: URL { url.appendingPathComponent("train.csv") }
    /// Final and best mean success, per-task success, speed.
    public var summaryFile: URL { url.appendingPathComponent("summary.json") }
    /// The last checkpoint (atomically replaced).
    public var checkpointFile: URL { url.appendingPathComponent("checkpoint.bin") }

    /// Header of `eval.csv`.
    public static let evalHeader = "step,task,episodes,success_rate,mean_return"
    /// Header of `train.csv`.
    public static let trainHeader = "step,task,critic_loss,actor_loss,temperature,entropy,episodes,episode_success_rate,actor_conflict_fraction,actor_mean_cosine,critic_conflict_fraction,critic_mean_cosine"

    /// Whether the folder holds a run (a config).
    public var exists: Bool { FileManager.default.fileExists(atPath: configFile.path) }

    /// Appends complete lines to a CSV file, writing the header first when the file is new.
    public static func append(_ lines: [String], to file: URL, header: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: file.path) {
            try AtomicFile.write(header + "\n", to: file)
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Keeps only the header and the complete rows whose step is at most `step` (resume: rows written
    /// after the last checkpoint, or half-written by a killed process, are dropped, and so are damaged
    /// rows: wrong field count, no step, bytes that are not UTF-8 text). Atomic.
    public static func truncate(_ file: URL, header: String, toStep step: Int) throws {
        guard let data = try? Data(contentsOf: file) else { return }
        let text = String(decoding: data, as: UTF8.self)
        var kept = [header]
        let columnCount = header.split(separator: ",").count
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        // A file not ending in a newline ends in a half-written row (the writer was killed mid-line).
        if !text.hasSuffix("\n"), !lines.isEmpty { lines.removeLast() }
        if lines.first == Substring(header) { lines.removeFirst() }
        for line in lines where !line.contains("\u{FFFD}") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columnCount, let rowStep = Int(fields[0]), rowStep >= 0, rowStep <= step else { continue }
            kept.append(String(line))
        }
        try AtomicFile.write(kept.joined(separator: "\n") + "\n", to: file)
    }
}
