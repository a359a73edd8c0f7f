import Experiment
import Foundation
import Testing

/// A YAML value of any type: numbers from tiny to absurd, special floats, text (some of it valid choices),
/// lists, mappings, null and booleans.
private func yamlValue(_ random: inout FuzzGenerator, depth: Int = 0) -> String {
    switch random.int(0...11) {
    case 0: return String(random.int(-3...3))
    case 1: return String(random.int(0...400))
    case 2: return random.pick(["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e15", "1e300", "-0"])
    case 3: return random.pick([".nan", ".inf", "-.inf", "1e-45", "0.5", "-1.5", "3.4e39", "0.99"])
    case 4: return random.pick(["mt10", "mt50", "mt1:reach", "mt1:nothing", "mt11", "pcgrad", "cagrad", "mean", "fixed", "resampled", "sum", "random"])
    case 5: return random.pick(["''", "\"text\"", "yes", "no", "~", "null", "true", "[]", "{}"])
    case 6: return "[" + (0..<random.int(0...3)).map { _ in String(random.int(-2...64)) }.joined(separator: ", ") + "]"
    case 7: return "[" + random.pick(["1, a", "1.5", "[1]", "100000000", "9223372036854775807, 2"]) + "]"
    case 8 where depth < 2: return "{a: \(yamlValue(&random, depth: depth + 1))}"
    case 9: return random.pick(["&anchor 5", "*missing", "!!binary aGk=", "!!float 3", "0x1F", "0o17"])
    default: return String(random.int(1...5_000))
    }
}

/// A config document: some known keys, some unknown, some values of the wrong type or out of range;
/// some documents then damaged into broken YAML (a deleted, inserted or swapped character, a tab).
private func configDocument(_ random: inout FuzzGenerator) -> String {
    let unknown = ["stepz", "Steps", "hidden", "", "seed seed", "- item", "steps.x"]
    var lines = [String]()
    for _ in 0..<random.int(0...5) {
        let key = random.chance(0.8) ? random.pick(ExperimentConfig.keyNames) : random.pick(unknown)
        lines.append("\(key): \(yamlValue(&random))")
    }
    var text = Array(lines.joined(separator: "\n"))
    if random.chance(0.3), !text.isEmpty {
        let position = random.int(0...(text.count - 1))
        switch random.int(0...3) {
        case 0: text.remove(at: position)
        case 1: text.insert(random.pick([":", "[", "{", "\t", "\"", "'", "&", "*", "%", "@", "`"]), at: position)
        case 2: text[position] = random.pick(["\n", " ", ",", "]"])
        default: text.insert(contentsOf: "\n  - nested\n", at: position)
        }
    }
    return String(text)
}

@Test("random configs (wrong types, extreme values, unknown keys, broken YAML) end in one ConfigError or a valid config, never a crash")
func configFuzz() throws {
    var random = FuzzGenerator(seed: 16)
    var outcomes = (valid: 0, refused: 0, trained: 0)
    for index in 0..<400 {
        let document = configDocument(&random)
        var config = ExperimentConfig()
        do {
            try config.apply(yaml: document, source: "fuzz.yaml")
            try config.validate()
        } catch let error as ConfigError {
            outcomes.refused += 1
            #expect(error.description.hasPrefix("fuzz.yaml: ") || error.description.hasPrefix("invalid config: "),
                    "case \(index): \(error.description)\n\(document)")
            continue
        }
        outcomes.valid += 1
        // A valid config reads back identical from its own YAML.
        var reread = ExperimentConfig()
        try reread.apply(yaml: config.yaml(), source: "round trip")
        #expect(reread == config, "case \(index): the YAML round trip changed\n\(document)")
        // A valid config starts a run, or is refused with one clear error (its replay buffers capped so
        // the case builds in milliseconds; configs still too large for that are skipped).
        config.replayCapacityPerTask = min(config.replayCapacityPerTask, 1_000)
        let suiteSize = config.suite == "mt50" ? 50 : config.suite == "mt10" ? 10 : 1
        guard MemoryBudget(config: config, taskCount: suiteSize, observationSize: 39).totalBytes < 64e6 else { continue }
        let folder = RunFolder(url: scratchFolder("fuzz-config"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        do {
            _ = try Trainer(config: config, folder: folder)
            outcomes.trained += 1
        } catch let error as ConfigError {
            #expect(!error.description.isEmpty, "case \(index)")
        }
    }
    // The generator reaches every outcome, so the test exercises each path.
    #expect(outcomes.valid > 20 && outcomes.refused > 200 && outcomes.trained > 20, "\(outcomes)")
}
