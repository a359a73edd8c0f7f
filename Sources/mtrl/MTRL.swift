import ArgumentParser

/// The `mtrl` command: multi-task reinforcement learning with gradient surgery, in Swift.
@main
struct MTRL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtrl",
        abstract: "Multi-task RL testbed: Meta-World-style tasks, multi-head SAC and gradient combiners (PCGrad, CAGrad, ...).",
        version: MTRLVersion.current,
        subcommands: [
            TrainCommand.self,
            EvalCommand.self,
            SweepCommand.self,
            PlotCommand.self, CompareCommand.self,
            ConfigCommand.self,
            BenchCommand.self,
            TasksCommand.self, ExpertCommand.self, RenderCommand.self,
            ToyCommand.self,
        ]
    )
}

/// The version printed by `mtrl --version`.
enum MTRLVersion {
    static let current = "0.1.0"
}
