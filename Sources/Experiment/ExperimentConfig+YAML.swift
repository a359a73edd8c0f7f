import Foundation
import Yams

/// A config problem a user can act on: the file, the key, what was wrong, and the valid choices.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The message, complete.
    public let description: String
}

extension ExperimentConfig {
    /// Applies the keys of a YAML mapping on top of this config. `source` names the file in messages.
    /// Unknown keys, wrong types and malformed YAML are errors; keys not present keep their values.
    public mutating func apply(yaml text: String, source: String) throws {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw ConfigError(description: "\(source): not valid YAML: \(error)")
        }
        guard let loaded else { return }
        guard let mapping = loaded as? [String: Any] else {
            throw ConfigError(description: "\(source): a config is a mapping of keys to values (like 'steps: 10000'), got \(ConfigKey.describe(loaded))")
        }
        let byName = Dictionary(uniqueKeysWithValues: Self.keys.map { ($0.name, $0) })
        for name in mapping.keys.sorted() {
            guard let key = byName[name] else {
                throw ConfigError(description: "\(source): unknown key '\(name)'. Valid keys: \(Self.keyNames.joined(separator: ", "))")
            }
            do {
                try key.assign(&self, mapping[name]!)
            } catch {
                throw ConfigError(description: "\(source): key '\(name)' \(error.message)")
            }
        }
    }

    /// Applies one `key=value` override (the value in YAML syntax, e.g. `hidden_sizes=[400,400]`).
    public mutating func apply(assignment: String, source: String = "--set") throws {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw ConfigError(description: "\(source) takes key=value, got '\(assignment)'. Valid keys: \(Self.keyNames.joined(separator: ", "))")
        }
        try apply(yaml: "\(assignment[..<equals]): \(assignment[assignment.index(after: equals)...])", source: source)
    }

    /// The defaults, then the YAML file at `path` (if any), then each `key=value` of `assignments`: how
    /// every command that takes `--config` and `--set` resolves its settings.
    public static func resolve(file path: String?, assignments: [String]) throws -> ExperimentConfig {
        var resolved = try path.map { try load(file: URL(fileURLWithPath: $0)) } ?? ExperimentConfig()
        for assignment in assignments { try resolved.apply(assignment: assignment) }
        return resolved
    }

    /// Reads a run folder's `config.yaml`. It lists every key that existed when the run started, so a key
    /// it lacks is one added later, and takes the value that reproduces the behaviour of the version that
    /// wrote it (`beforeRecipeKeys`), not today's default: an old run resumes and evaluates as it trained.
    public static func load(runConfig url: URL) throws -> ExperimentConfig {
        try load(file: url, over: beforeRecipeKeys)
    }

    /// The defaults with every key added by the agent recipe (issue 13), and every exploration key whose
    /// default it changed, at the value that reproduces the agent from before those keys existed.
    public static var beforeRecipeKeys: ExperimentConfig {
        var config = ExperimentConfig()
        config.nStep = 1
        config.criticLayerNorm = false
        config.actorLayerNorm = false
        config.gradientClipNorm = 0
        config.returnNormalization = .none
        config.targetEntropy = -4
        config.logStdMin = -20
        config.logStdMax = 2
        return config
    }

    /// Reads a config file over the defaults (or over `base`).
    public static func load(file url: URL, over base: ExperimentConfig = ExperimentConfig()) throws -> ExperimentConfig {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError(description: "\(url.path): cannot read the config file (\(error.localizedDescription))")
        }
        var config = base
        try config.apply(yaml: text, source: url.path)
        return config
    }

    /// The config as YAML: every key, each preceded by its help as a comment.
    public func yaml() -> String {
        var lines = ["# mtrl-swift experiment config. Every key is listed; see README.md, 'Config reference'."]
        for key in Self.keys {
            lines.append("")
            lines.append("# \(key.help)")
            lines.append("\(key.name): \(key.render(self))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Throws one error listing every invalid value.
    public func validate() throws {
        let found = problems()
        guard found.isEmpty else { throw ConfigError(description: "invalid config: " + found.joined(separator: "; ")) }
    }
}
