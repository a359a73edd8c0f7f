import Environments
import GradientCombiners

/// One key of the YAML config: its name, what it means, and how to read and write it.
public struct ConfigKey: Sendable {
    /// The key as written in YAML (snake_case).
    public let name: String
    /// One line on what the key does and why (shown in the README's reference and in errors).
    public let help: String
    /// The value of this key in a config, as YAML text.
    let render: @Sendable (ExperimentConfig) -> String
    /// Sets this key in a config from a YAML value (already parsed by Yams), or throws a message.
    let assign: @Sendable (inout ExperimentConfig, Any) throws(ConfigValueError) -> Void
}

/// A value of the wrong type or out of range, in words a user can act on.
public struct ConfigValueError: Error, Sendable {
    /// What was wrong, without the key name (the caller adds it).
    public let message: String
}

extension ConfigKey {
    static func integer(_ name: String, _ path: WritableKeyPath<ExperimentConfig, Int> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { String($0[keyPath: path]) }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            config[keyPath: path] = try asInteger(value)
        }
    }

    static func seed(_ name: String, _ path: WritableKeyPath<ExperimentConfig, UInt64> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { String($0[keyPath: path]) }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            let number = try asInteger(value)
            guard number >= 0 else { throw ConfigValueError(message: "must be a non-negative integer, got \(number)") }
            config[keyPath: path] = UInt64(number)
        }
    }

    static func float(_ name: String, _ path: WritableKeyPath<ExperimentConfig, Float> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { "\($0[keyPath: path])" }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            config[keyPath: path] = Float(try asDouble(value))
        }
    }

    static func double(_ name: String, _ path: WritableKeyPath<ExperimentConfig, Double> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { "\($0[keyPath: path])" }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            config[keyPath: path] = try asDouble(value)
        }
    }

    static func text(_ name: String, _ path: WritableKeyPath<ExperimentConfig, String> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { $0[keyPath: path] }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            guard let string = value as? String else { throw ConfigValueError(message: "must be text, got \(describe(value))") }
            config[keyPath: path] = string
        }
    }

    static func boolean(_ name: String, _ path: WritableKeyPath<ExperimentConfig, Bool> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { String($0[keyPath: path]) }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            guard let flag = value as? Bool else { throw ConfigValueError(message: "must be true or false, got \(describe(value))") }
            config[keyPath: path] = flag
        }
    }

    static func integerList(_ name: String, _ path: WritableKeyPath<ExperimentConfig, [Int]> & Sendable, _ help: String) -> ConfigKey {
        ConfigKey(name: name, help: help, render: { "[" + $0[keyPath: path].map(String.init).joined(separator: ", ") + "]" }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            guard let list = value as? [Any] else { throw ConfigValueError(message: "must be a list of integers like [256, 256], got \(describe(value))") }
            var numbers = [Int]()
            for item in list { numbers.append(try asInteger(item)) }
            config[keyPath: path] = numbers
        }
    }

    static func choice<E: RawRepresentable & CaseIterable & Sendable>(_ name: String, _ path: WritableKeyPath<ExperimentConfig, E> & Sendable, _ help: String) -> ConfigKey where E.RawValue == String {
        ConfigKey(name: name, help: help, render: { $0[keyPath: path].rawValue }) { (config: inout ExperimentConfig, value: Any) throws(ConfigValueError) in
            let valid = E.allCases.map(\.rawValue)
            guard let string = value as? String, let parsed = E(rawValue: string) else {
                throw ConfigValueError(message: "must be one of \(valid.joined(separator: ", ")), got \(describe(value))")
            }
            config[keyPath: path] = parsed
        }
    }

    private static func asInteger(_ value: Any) throws(ConfigValueError) -> Int {
        if let number = value as? Int { return number }
        if let number = value as? Double, number == number.rounded(), abs(number) < 1e15 { return Int(number) }
        throw ConfigValueError(message: "must be an integer, got \(describe(value))")
    }

    private static func asDouble(_ value: Any) throws(ConfigValueError) -> Double {
        if let number = value as? Double, number.isFinite { return number }
        if let number = value as? Int { return Double(number) }
        throw ConfigValueError(message: "must be a finite number, got \(describe(value))")
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case let string as String: return "'\(string)'"
        case is [Any]: return "a list"
        case is [String: Any], is [AnyHashable: Any]: return "a mapping"
        default: return "\(value)"
        }
    }
}

extension ExperimentConfig {
    /// Every config key, in the order `config.yaml` lists them.
    public static let keys: [ConfigKey] = [
        .text("suite", \.suite, "suite to train on: mt10, mt50, or mt1:<task> (one task)"),
        .choice("combiner", \.combiner, "gradient combiner on the shared parameters: " + CombinerKind.allCases.map(\.rawValue).joined(separator: ", ")),
        .seed("seed", \.seed, "seed of everything random: weights, layouts, exploration, replay sampling, combiners"),
        .integer("steps", \.steps, "training length in environment steps per task (each step advances every task once)"),
        .integer("warmup_steps", \.warmupSteps, "steps of uniformly random actions before the policy acts and updates start"),
        .integer("updates_per_step", \.updatesPerStep, "agent updates per environment step (update-to-data ratio)"),
        .integer("eval_every", \.evalEvery, "evaluate every this many steps (exact), and at the end"),
        .integer("eval_episodes", \.evalEpisodes, "deterministic evaluation episodes per task (episode i uses layout i mod 50)"),
        .integer("checkpoint_every", \.checkpointEvery, "checkpoint every this many steps; a multiple of horizon (episode boundaries)"),
        .integer("log_every", \.logEvery, "write a train.csv row (means over the window) every this many steps"),
        .integer("horizon", \.horizon, "episode length before time-limit truncation: 150 (papers' v1 setup) or 500 (Meta-World v3)"),
        .choice("layouts", \.layouts, "resampled (a layout drawn each reset, today's standard) or fixed (one layout per task, older papers)"),
        .integerList("hidden_sizes", \.hiddenSizes, "widths of the shared hidden layers of actor and critics (papers: [400, 400, 400])"),
        .integer("batch_size_per_task", \.batchSizePerTask, "transitions sampled from each task's replay buffer per update (papers: 128)"),
        .integer("replay_capacity_per_task", \.replayCapacityPerTask, "transitions kept per task (oldest overwritten first)"),
        .float("discount", \.discount, "discount factor gamma"),
        .integer("n_step", \.nStep, "transitions summed into each critic target (n-step return, cut at episode ends); 1: one-step target"),
        .float("target_smoothing", \.targetSmoothing, "Polyak rate tau of the target critics, applied every update"),
        .float("actor_learning_rate", \.actorLearningRate, "Adam step size of the actor"),
        .float("critic_learning_rate", \.criticLearningRate, "Adam step size of the critics"),
        .float("temperature_learning_rate", \.temperatureLearningRate, "Adam step size of the per-task log-temperatures"),
        .float("initial_temperature", \.initialTemperature, "initial temperature alpha of every task"),
        .float("target_entropy", \.targetEntropy, "target entropy of each task's policy (SAC: minus the action size)"),
        .float("log_std_min", \.logStdMin, "lower bound of the policy's log std (reference SAC -20: a fresh policy is almost deterministic; CleanRL -5)"),
        .float("log_std_max", \.logStdMax, "upper bound of the policy's log std"),
        .boolean("critic_layer_norm", \.criticLayerNorm, "layer normalisation before every ReLU of the critics' trunks (BRO/BRC; papers: false)"),
        .boolean("actor_layer_norm", \.actorLayerNorm, "layer normalisation before every ReLU of the actor's trunk"),
        .float("gradient_clip_norm", \.gradientClipNorm, "largest global norm of an update's actor gradient and of its critics' gradient; 0: off (Meta-World+: 1)"),
        .choice("return_normalization", \.returnNormalization, "per-task reward scaling: none (papers) or running (each task's rewards scaled by its running return std)"),
        .double("normalized_return_std", \.normalizedReturnStd, "with running normalisation, the std each task's discounted return is scaled to"),
        .double("cagrad_c", \.cagradC, "CAGrad's c >= 0 (papers: 0.9 on MT10, 0.5 on MT50)"),
        .choice("cagrad_rescale", \.cagradRescale, "CAGrad's output scaling: " + CAGradRescale.allCases.map(\.rawValue).joined(separator: ", ")),
        .choice("pcgrad_reduction", \.pcgradReduction, "PCGrad: sum (paper) or mean (mtrl) of the projected gradients"),
        .choice("pcgrad_order", \.pcgradOrder, "PCGrad: random (paper) or fixed order of the other tasks"),
        .integer("cagrad_fast_subset", \.cagradFastSubset, "CAGrad-Fast: tasks sampled per update (1...K)"),
        .integer("threads", \.threads, "threads of the SAC update (0: one per active core, and a sweep gives each of its jobs its share; 1: serial); results are identical at any count (docs/PERFORMANCE.md)"),
        .integer("blas_threads", \.blasThreads, "OpenBLAS threads of each product (keep 1: they spin when the other core is busy; use threads instead)"),
        .boolean("log_tensorboard", \.logTensorboard, "also write eval.csv's and train.csv's scalars to events.out.tfevents.* in the run folder (tensorboard --logdir runs/)"),
    ]

    /// The names of all keys.
    public static var keyNames: [String] { keys.map(\.name) }
}

extension LayoutMode: @retroactive @unchecked Sendable {}
