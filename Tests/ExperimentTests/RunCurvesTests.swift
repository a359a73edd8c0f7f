import Experiment
import Foundation
import Testing

/// Writes a minimal run folder: a config and an eval.csv with the given mean success per step.
private func syntheticRun(in root: URL, name: String, suite: String = "mt10", combiner: String, seed: Int, curve: [(Int, Double)], extra: String = "") throws -> URL {
    let folder = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "suite: \(suite)\ncombiner: \(combiner)\nseed: \(seed)\n".write(to: folder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    var lines = [RunFolder.evalHeader]
    for (step, value) in curve {
        lines.append("\(step),reach,10,\(value),100")
        lines.append("\(step),mean,10,\(value),100")
    }
    try (lines.joined(separator: "\n") + "\n" + extra).write(to: folder.appendingPathComponent("eval.csv"), atomically: true, encoding: .utf8)
    return folder
}

@Test("curves group runs by combiner and aggregate seeds at common steps; the SVG parses")
func aggregation() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-curves-\(UUID().uuidString)")
    let folders = [
        try syntheticRun(in: root, name: "a", combiner: "pcgrad", seed: 1, curve: [(100, 0.2), (200, 0.6)]),
        try syntheticRun(in: root, name: "b", combiner: "pcgrad", seed: 2, curve: [(100, 0.4), (200, 0.8), (300, 0.9)]),
        try syntheticRun(in: root, name: "c", combiner: "mean", seed: 1, curve: [(100, 0.1), (200, 0.3)], extra: "300,mea"),
    ]
    let curves = try RunCurves(folders: folders)
    #expect(curves.suite == "mt10")
    #expect(curves.groups.map(\.label) == ["mean", "pcgrad"])
    let pcgrad = curves.groups[1]
    #expect(pcgrad.seeds == [1, 2])
    #expect(pcgrad.points.map(\.step) == [100, 200])
    #expect(abs(pcgrad.points[0].mean - 0.3) < 1e-12 && pcgrad.points[0].low == 0.2 && pcgrad.points[0].high == 0.4)
    #expect(curves.groups[0].points.count == 2)

    let svg = curves.chart().render()
    #expect(isWellFormedMarkup(svg), "the SVG's tags do not nest")
    #expect(svg.contains("<svg ") && svg.hasSuffix("</svg>\n"))
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(svg.contains("pcgrad (2 seeds)") && svg.contains("mean (1 seed)"))
}

@Test("train.csv metrics average the task rows of a step")
func trainMetrics() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-curves-train-\(UUID().uuidString)")
    let folder = try syntheticRun(in: root, name: "run", combiner: "cagrad", seed: 1, curve: [(100, 0.5)])
    let rows = [RunFolder.trainHeader, "150,reach,1,2,0.5,-4,1,0,0.2,0.1,0.4,0.3", "150,push,3,2,0.5,-4,1,,0.2,0.1,0.4,0.3", "300,reach,5,2,0.5,-4,1,1,0.6,0.1,0.4,0.3"]
    try (rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
    let loss = try RunCurves(folders: [folder], column: "critic_loss")
    #expect(loss.groups[0].points.map(\.step) == [150, 300])
    #expect(loss.groups[0].points.map(\.mean) == [2, 5])
    let success = try RunCurves(folders: [folder], column: "episode_success_rate")
    #expect(success.groups[0].points.map(\.mean) == [0, 1])
    let push = try RunCurves(folders: [folder], task: "push", column: "critic_loss")
    #expect(push.groups[0].points.map(\.mean) == [3])
    #expect(throws: ConfigError.self) { _ = try RunCurves(folders: [folder], column: "nonsense") }
}

@Test("folders that are not runs are skipped with a reason; mixed suites are an error; nothing to plot is an error")
func badFolders() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mtrl-curves-bad-\(UUID().uuidString)")
    let good = try syntheticRun(in: root, name: "good", combiner: "mean", seed: 1, curve: [(100, 0.5)])
    let empty = try syntheticRun(in: root, name: "empty", combiner: "mean", seed: 2, curve: [])
    let notRun = root.appendingPathComponent("not-a-run")
    try FileManager.default.createDirectory(at: notRun, withIntermediateDirectories: true)
    let curves = try RunCurves(folders: [good, empty, notRun])
    #expect(curves.skipped.count == 2)
    #expect(curves.skipped.contains { $0.contains("not a run folder") })
    #expect(curves.skipped.contains { $0.contains("no complete row") })

    let other = try syntheticRun(in: root, name: "other", suite: "mt50", combiner: "mean", seed: 1, curve: [(100, 0.5)])
    #expect(throws: ConfigError.self) { _ = try RunCurves(folders: [good, other]) }
    #expect(throws: ConfigError.self) { _ = try RunCurves(folders: [notRun]) }
}

/// A small well-formedness check: every element opened is closed in order, attribute quotes balance,
/// and no raw `<` or `&` appears in text (escaped as the SVG writer must).
func isWellFormedMarkup(_ text: String) -> Bool {
    var stack = [Substring]()
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "<") {
        let between = rest[..<open]
        if between.contains(">") || between.contains("&") && !between.contains(";") { return false }
        guard let close = rest[open...].firstIndex(of: ">") else { return false }
        let tag = rest[rest.index(after: open)..<close]
        rest = rest[rest.index(after: close)...]
        if tag.hasPrefix("?") { continue }
        if tag.filter({ $0 == "\"" }).count % 2 != 0 { return false }
        if tag.hasPrefix("/") {
            guard let last = stack.popLast(), last == tag.dropFirst() else { return false }
        } else if !tag.hasSuffix("/") {
            stack.append(tag.prefix { $0 != " " })
        }
    }
    return stack.isEmpty
}
