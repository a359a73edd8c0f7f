// swift-tools-version:6.0
import PackageDescription

/// mtrl-swift: a pure-Swift multi-task reinforcement-learning testbed.
///
/// Targets, each one concern, each importing only what is below it:
/// COpenBLAS → LinearAlgebra → NeuralNetworks → GradientCombiners → Agents → Experiment → mtrl.
/// `Environments` (the tabletop simulator and its 50 tasks) depends on the standard library only.
let package = Package(
    name: "mtrl-swift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mtrl", targets: ["mtrl"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "NeuralNetworks", targets: ["NeuralNetworks"]),
        .library(name: "GradientCombiners", targets: ["GradientCombiners"]),
        .library(name: "Environments", targets: ["Environments"]),
        .library(name: "Agents", targets: ["Agents"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Experiment", targets: ["Experiment"]),
        /// The C interface over the environments (`mtrl_environments.h`), loaded by the Python package.
        .library(name: "MTRLEnvironmentsC", type: .dynamic, targets: ["MTRLEnvironmentsC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "NeuralNetworks", dependencies: ["LinearAlgebra"]),
        .target(name: "GradientCombiners", dependencies: ["LinearAlgebra"]),
        .target(
            name: "Environments",
            path: "Environments",
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(name: "MTRLEnvironmentsC", dependencies: ["Environments"], exclude: ["mtrl_environments.h"]),
        .target(name: "Agents", dependencies: ["LinearAlgebra", "NeuralNetworks", "GradientCombiners"]),
        .target(name: "Reporting"),
        .target(
            name: "Experiment",
            dependencies: [
                "LinearAlgebra", "NeuralNetworks", "GradientCombiners", "Environments", "Agents", "Reporting",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "mtrl",
            dependencies: [
                "LinearAlgebra", "NeuralNetworks", "GradientCombiners", "Environments", "Agents", "Reporting",
                "Experiment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks", "LinearAlgebra"]),
        .testTarget(name: "GradientCombinersTests", dependencies: ["GradientCombiners", "LinearAlgebra"]),
        .testTarget(name: "EnvironmentsTests", dependencies: ["Environments"]),
        .testTarget(name: "AgentsTests", dependencies: ["Agents", "NeuralNetworks", "LinearAlgebra", "GradientCombiners"]),
        .testTarget(name: "ExperimentTests", dependencies: ["Experiment", "Environments", "Reporting", "Agents", "GradientCombiners", "LinearAlgebra"]),
        .testTarget(name: "CLITests", dependencies: ["mtrl"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "MTRLEnvironmentsCTests", dependencies: ["MTRLEnvironmentsC", "Environments"]),
    ]
)
