import Experiment
import Foundation
import Testing

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Test("Configs/default.yaml equals the built-in defaults")
func defaultFileMatchesDefaults() throws {
    let loaded = try ExperimentConfig.load(file: repositoryRoot.appendingPathComponent("Configs/default.yaml"))
    #expect(loaded == ExperimentConfig())
}

@Test("every shipped config loads and is valid")
func shippedConfigsLoad() throws {
    let folder = repositoryRoot.appendingPathComponent("Configs")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(files.count >= 4)
    for file in files {
        let config = try ExperimentConfig.load(file: folder.appendingPathComponent(file))
        #expect(config.problems().isEmpty, "\(file): \(config.problems())")
    }
}

@Test("a config written as YAML reads back identical")
func yamlRoundTrip() throws {
    var config = ExperimentConfig()
    config.suite = "mt1:push"
    config.combiner = .cagrad
    config.hiddenSizes = [400, 400, 400]
    config.cagradC = 0.9
    config.discount = 0.95
    config.layouts = .fixed
    var read = ExperimentConfig()
    try read.apply(yaml: config.yaml(), source: "test")
    #expect(read == config)
}

@Test("unknown keys, wrong types and bad YAML are errors naming the file, key and choices")
func strictness() {
    func message(_ yaml: String) -> String {
        var config = ExperimentConfig()
        do {
            try config.apply(yaml: yaml, source: "my.yaml")
            return ""
        } catch {
            return "\(error)"
        }
    }
    let unknown = message("stepz: 10")
    #expect(unknown.contains("my.yaml") && unknown.contains("'stepz'") && unknown.contains("steps, warmup_steps"))
    let wrongType = message("steps: ten")
    #expect(wrongType.contains("'steps'") && wrongType.contains("integer"))
    let badChoice = message("combiner: pcgard")
    #expect(badChoice.contains("pcgrad") && badChoice.contains("cagrad"))
    #expect(message("hidden_sizes: 400").contains("list"))
    #expect(message("steps: [1").contains("not valid YAML"))
    #expect(message("- a\n- b").contains("mapping"))
}

@Test("invalid values are reported together with their keys")
func validation() {
    var config = ExperimentConfig()
    config.checkpointEvery = 1_000
    config.evalEpisodes = 0
    let problems = config.problems()
    #expect(problems.contains { $0.contains("checkpoint_every") && $0.contains("horizon") })
    #expect(problems.contains { $0.contains("eval_episodes") })
}

@Test("the README's config reference lists every key with its built-in default")
func readmeConfigReference() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let pairs = ExperimentConfig().yaml().split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(": ") }
    #expect(pairs.count > 20)
    for pair in pairs {
        let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(readme.contains("| `\(parts[0])` | `\(parts[1])` |"), "README.md's config reference lacks or misstates `\(pair)`")
    }
}

@Test("warm-up as long as the run or longer is refused, naming both keys")
func warmupLongerThanRun() {
    var config = ExperimentConfig()
    config.steps = 1_000
    config.warmupSteps = 1_500
    #expect(config.problems() == ["warmup_steps (1500) must be less than steps (1000), or the agent never updates; lower warmup_steps or raise steps"])
    config.warmupSteps = 1_000
    #expect(config.problems().count == 1)
    config.warmupSteps = 999
    #expect(config.problems().isEmpty)
}

@Test("the exploration keys reach the agent, and crossed log-std bounds are refused naming the keys")
func explorationKeys() throws {
    var config = ExperimentConfig()
    try config.apply(assignment: "log_std_min=-5")
    try config.apply(assignment: "log_std_max=1.5")
    try config.apply(assignment: "target_entropy=-2")
    let agent = config.agentSettings
    #expect(agent.logStdMin == -5 && agent.logStdMax == 1.5 && agent.targetEntropy == -2)
    try config.apply(assignment: "log_std_min=3")
    #expect(config.problems() == ["log_std_min (3.0) must be below log_std_max (1.5)"])
}

@Test("the recipe keys reach the agent and trainer, and bad values are refused naming the keys")
func recipeKeys() throws {
    var config = ExperimentConfig()
    for assignment in ["critic_layer_norm=true", "actor_layer_norm=true", "gradient_clip_norm=0.5", "return_normalization=running", "normalized_return_std=10"] {
        try config.apply(assignment: assignment)
    }
    let agent = config.agentSettings
    #expect(agent.criticLayerNorm && agent.actorLayerNorm && agent.gradientClipNorm == 0.5)
    #expect(config.returnNormalization == .running && config.normalizedReturnStd == 10)
    try config.apply(assignment: "gradient_clip_norm=-1")
    try config.apply(assignment: "normalized_return_std=0")
    #expect(config.problems() == ["gradient_clip_norm must be non-negative (0 turns clipping off), got -1.0", "normalized_return_std must be positive, got 0.0"])
    #expect(throws: ConfigError.self) { try config.apply(assignment: "return_normalization=sometimes") }
}

@Test("a run folder's config.yaml without the recipe keys loads them at the values of the agent that wrote it")
func runConfigWithoutRecipeKeys() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-old-config-\(UUID().uuidString).yaml")
    try "suite: mt10\nsteps: 3000\nbatch_size_per_task: 32\n".write(to: url, atomically: true, encoding: .utf8)
    let old = try ExperimentConfig.load(runConfig: url)
    #expect(old.nStep == 1 && !old.criticLayerNorm && !old.actorLayerNorm && old.gradientClipNorm == 0)
    #expect(old.returnNormalization == .none && old.logStdMin == -20 && old.logStdMax == 2 && old.targetEntropy == -4)
    #expect(old.steps == 3000 && old.batchSizePerTask == 32)
    // A run written today lists every key, so it reads back exactly.
    var current = ExperimentConfig()
    current.criticLayerNorm = true
    try current.yaml().write(to: url, atomically: true, encoding: .utf8)
    #expect(try ExperimentConfig.load(runConfig: url) == current)
}

@Test("threads takes 0 (one per core) up to 64, and blas_threads above 1 needs threads: 1")
func threadSettings() {
    var config = ExperimentConfig()
    #expect(config.threads == 0 && config.blasThreads == 1 && config.problems().isEmpty)
    config.threads = -1
    #expect(config.problems() == ["threads must be in 0...64 (0: one per active core), got -1"])
    config.threads = 0
    config.blasThreads = 2
    #expect(config.problems() == ["blas_threads 2 with threads 0 would run two kinds of threads on the same cores; use threads (OpenBLAS at 1, the default) or set threads: 1 to keep blas_threads"])
    config.threads = 1
    #expect(config.problems().isEmpty)
}

@Test("a sweep gives each of its jobs a share of the cores, and keeps an explicit thread count")
func sweepThreadsPerJob() {
    #expect(SweepPlan.threadsPerJob(threads: 0, jobs: 2, cores: 2) == 1)
    #expect(SweepPlan.threadsPerJob(threads: 0, jobs: 1, cores: 2) == 2)
    #expect(SweepPlan.threadsPerJob(threads: 0, jobs: 3, cores: 2) == 1)
    #expect(SweepPlan.threadsPerJob(threads: 0, jobs: 2, cores: 8) == 4)
    #expect(SweepPlan.threadsPerJob(threads: 3, jobs: 2, cores: 2) == 3)
}
