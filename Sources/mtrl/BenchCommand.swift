import ArgumentParser

/// `mtrl bench`: speed measurements. Each subcommand prints figures (medians of repeats) and, with
/// `--json`, one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed: sgemm throughput, network passes, environments, combiners.",
        subcommands: [GemmBenchCommand.self, UpdateBenchCommand.self, EnvBenchCommand.self, CombineBenchCommand.self]
    )
}
