import ArgumentParser

/// `mtrl bench`: speed measurements. Each subcommand prints figures (medians of repeats) and, with
/// `--json`, one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed: sgemm throughput, SAC updates, environments, combiners, the whole training loop.",
        subcommands: [GemmBenchCommand.self, UpdateBenchCommand.self, EnvBenchCommand.self, CombineBenchCommand.self, TrainBenchCommand.self]
    )
}
