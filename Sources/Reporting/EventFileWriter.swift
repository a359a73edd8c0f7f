import Foundation

/// Appends scalar events to a TensorBoard event file (`events.out.tfevents.<time>.<host>`) in a folder,
/// so `tensorboard --logdir` shows them. Each `write` appends one framed event with one system call,
/// so a reader sees whole events while the run goes on.
///
/// Opening a folder that already holds an event file continues that file: events after `resumingAt`
/// (logged after the checkpoint a run resumes from) and a half-written tail are dropped first, with an
/// atomic rewrite, so a resumed run leaves no step logged twice.
public final class EventFileWriter {
    /// The event file.
    public let url: URL
    private let handle: FileHandle

    /// Opens the event file in `folder` (creating folder and file when missing). With `resumingAt`,
    /// an existing file keeps only its events up to that step.
    public init(folder: URL, resumingAt step: Int? = nil) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        if let existing = try Self.existingFile(in: folder) {
            url = existing
            let bytes = [UInt8](try Data(contentsOf: existing))
            let read = TFRecord.records(in: bytes)
            let kept = read.records.filter { (TensorBoardEvent.step(ofEncoded: $0) ?? Int64.max) <= Int64(step ?? Int.max) }
            if kept.count != read.records.count || read.validLength != bytes.count {
                try AtomicFile.write(Data(kept.flatMap(TFRecord.frame)), to: existing)
            }
        } else {
            let time = Date().timeIntervalSince1970
            let host = ProcessInfo.processInfo.hostName.replacingOccurrences(of: "/", with: "_")
            url = folder.appendingPathComponent("events.out.tfevents.\(Int(time)).\(host)")
            let header = TensorBoardEvent(wallTime: time, step: 0, fileVersion: "brain.Event:2")
            try AtomicFile.write(Data(TFRecord.frame(header.encoded())), to: url)
        }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
    }

    deinit {
        try? handle.close()
    }

    /// Appends one event holding `scalars` at `step`.
    public func write(step: Int, scalars: [(tag: String, value: Double)]) throws {
        let event = TensorBoardEvent(wallTime: Date().timeIntervalSince1970, step: Int64(step), scalars: scalars.map { ($0.tag, Float($0.value)) })
        try handle.write(contentsOf: Data(TFRecord.frame(event.encoded())))
    }

    /// The folder's event file (the first by name when there are several), or nil.
    static func existingFile(in folder: URL) throws -> URL? {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("events.out.tfevents.") }.sorted().first
            .map { folder.appendingPathComponent($0) }
    }
}
