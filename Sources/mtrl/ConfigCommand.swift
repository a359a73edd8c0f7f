import ArgumentParser
import Experiment
import Foundation

/// `mtrl config`: prints a fully resolved config (the defaults, or a file over them) as commented YAML.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the resolved config as YAML (defaults, or --config FILE over them), with every key explained.")

    @Option(help: "A YAML config file to resolve over the defaults.")
    var config: String?

    func run() throws {
        let resolved = try config.map { try ExperimentConfig.load(file: URL(fileURLWithPath: $0)) } ?? ExperimentConfig()
        try resolved.validate()
        print(resolved.yaml(), terminator: "")
    }
}
