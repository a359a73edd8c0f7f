import Agents
import Experiment
import Foundation
import Testing

/// A run folder paused at step 450 with a checkpoint, made once for the checkpoint fuzz cases.
private let pausedRun: RunFolder? = {
    var config = tinySweepConfig()
    config.steps = 900
    config.checkpointEvery = 450
    let folder = RunFolder(url: scratchFolder("fuzz-source"))
    guard var trainer = try? Trainer(config: config, folder: folder), (try? trainer.run(pause: 450)) != nil else { return nil }
    return folder
}()

/// FNV-1a 64 over `bytes`: the archive's checksum, so a damaged body can be given a valid one.
private func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}

/// One kind of damage to a file's bytes.
private func damage(_ original: [UInt8], _ random: inout FuzzGenerator, kind: Int) -> [UInt8] {
    var bytes = original
    switch kind {
    case 0:
        for _ in 0..<random.int(1...8) { bytes[random.int(0...(bytes.count - 1))] ^= UInt8(random.int(1...255)) }
    case 1:
        bytes.removeLast(random.int(1...bytes.count))
    case 2:
        bytes += random.bytes(random.int(1...64))
    default:
        // Damage inside the header or the arrays, then a checksum that matches: the parser itself must cope.
        let end = min(bytes.count - 8, kind == 3 ? 600 : bytes.count - 8)
        for _ in 0..<random.int(1...4) { bytes[random.int(15...(end - 1))] = random.pick(Array("0123456789-,[]{}\":e.".utf8) + [0, 255]) }
        let checksum = fnv1a(bytes[..<(bytes.count - 8)]).littleEndian
        bytes.replaceSubrange((bytes.count - 8)..., with: withUnsafeBytes(of: checksum) { Array($0) })
    }
    return bytes
}

@Test("damaged checkpoints (flipped bytes, truncation, garbage, damage under a valid checksum) give a CheckpointError or a run that goes on, never a crash",
      .enabled(if: pausedRun != nil, "the source run could not be trained"))
func checkpointFuzz() throws {
    let source = pausedRun!
    let original = [UInt8](try Data(contentsOf: source.checkpointFile))
    let config = try Data(contentsOf: source.configFile)
    var random = FuzzGenerator(seed: 1616)
    var outcomes = (refused: 0, loaded: 0)
    for index in 0..<120 {
        let kind = index % 5
        let folder = RunFolder(url: scratchFolder("fuzz-checkpoint"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try config.write(to: folder.configFile)
        try Data(damage(original, &random, kind: kind)).write(to: folder.checkpointFile)
        do {
            var trainer = try Trainer(resuming: folder)
            outcomes.loaded += 1
            // Whatever loaded must also train on (a damaged weight may end in the NaN stop, an error).
            do {
                _ = try trainer.run(pause: trainer.completedSteps + 150)
            } catch let error as AgentError {
                guard case .nonFinite = error else { Issue.record("case \(index): \(error)"); continue }
            }
        } catch let error as CheckpointError {
            outcomes.refused += 1
            #expect(error.description.contains("checkpoint"), "case \(index): \(error)")
            if kind < 3 { #expect(error.description.contains(folder.checkpointFile.path), "case \(index) (kind \(kind)): \(error)") }
        }
    }
    #expect(outcomes.refused >= 72, "every flipped, truncated or extended file is refused: \(outcomes)")
}

/// An eval.csv of `steps` evaluations of two tasks, each with its mean row.
private func evalText(steps: [Int]) -> String {
    var lines = [RunFolder.evalHeader]
    for step in steps {
        lines += ["\(step),reach,1,0.5,10", "\(step),push,1,0,3", "\(step),mean,1,0.25,6.5"]
    }
    return lines.joined(separator: "\n") + "\n"
}

@Test("damaged CSV logs are cut back on resume to their intact rows up to the checkpoint, never a crash")
func csvTruncationFuzz() throws {
    let original = Array(evalText(steps: [150, 300, 450, 600, 750]).utf8)
    let columns = RunFolder.evalHeader.split(separator: ",").count
    var random = FuzzGenerator(seed: 160)
    for index in 0..<300 {
        let damaged = damage(original, &random, kind: index % 3)
        let file = scratchFolder("fuzz-csv").appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(damaged).write(to: file)
        try RunFolder.truncate(file, header: RunFolder.evalHeader, toStep: 450)
        let kept = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(kept.first == Substring(RunFolder.evalHeader) && kept.last == "", "case \(index)")
        let damagedLines = Set(String(decoding: damaged, as: UTF8.self).split(separator: "\n").map(String.init))
        for row in kept.dropFirst().dropLast() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == columns && (Int(fields[0]).map { $0 >= 0 && $0 <= 450 } ?? false), "case \(index): kept '\(row)'")
            #expect(damagedLines.contains(String(row)), "case \(index): '\(row)' was not in the file")
        }
        // Cut or extended files keep exactly the original complete rows up to step 450.
        let expected: [Substring]? = switch index % 3 {
        case 1: rows(upToStep: 450, ofComplete: String(decoding: damaged, as: UTF8.self))
        case 2: rows(upToStep: 450, ofComplete: String(decoding: original, as: UTF8.self))
        default: nil
        }
        if let expected { #expect(Array(kept.dropFirst().dropLast()) == expected, "case \(index)") }
    }
}

/// The rows of an undamaged eval text up to `step`, among its lines that end in a newline.
private func rows(upToStep step: Int, ofComplete text: String) -> [Substring] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    return lines.dropFirst().filter { Int($0.split(separator: ",")[0])! <= step }
}

@Test("damaged eval.csv and train.csv give a plot with a warning or a clear error, never a crash")
func curvesFuzz() throws {
    let root = scratchFolder("fuzz-curves")
    let evalOriginal = Array(evalText(steps: [150, 300, 450]).utf8)
    var random = FuzzGenerator(seed: 1600)
    for index in 0..<150 {
        let folder = try syntheticRun(in: root, name: "run-\(index)", seed: 1, rows: [(150, [0.5, 0])])
        try Data(damage(evalOriginal, &random, kind: index % 3)).write(to: folder.appendingPathComponent("eval.csv"))
        let train = Array((RunFolder.trainHeader + "\n150,reach,1,2,0.1,-1,1,0.5,0.2,0.1,0.3,0.4\n").utf8)
        try Data(damage(train, &random, kind: index % 3)).write(to: folder.appendingPathComponent("train.csv"))
        for column in ["success_rate", "critic_loss"] {
            do {
                let curves = try RunCurves(folders: [folder], column: column)
                _ = curves.panelChart().render()
                _ = curves.report()
            } catch let error as ConfigError {
                #expect(!error.description.isEmpty, "case \(index)")
            }
        }
    }
}
