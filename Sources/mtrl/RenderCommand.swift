import ArgumentParser
import Environments
import Foundation
import Reporting

/// `mtrl render`: draws one episode of a task as an SVG, a top view and a side view of the scene with
/// the hand's and the object's trajectories, so someone adding a task can see that it behaves.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw one episode of a task (top and side views, trajectories, first success) as SVG.")

    @Option(help: "Task to render (Meta-World name; a -v3 suffix is accepted).")
    var task: String

    @Option(help: "Policy: \(ScriptedPolicy.allCases.map(\.rawValue).joined(separator: ", ")).")
    var policy: ScriptedPolicy = .expert

    @Option(help: "Seed for the layouts, the layout drawn and random actions.")
    var seed: UInt64 = 0

    @Option(help: "Steps in the episode (150 as in the PCGrad/CAGrad setup; Meta-World v3 uses 500).")
    var horizon: Int = Tabletop.defaultHorizon

    @Option(help: "Output SVG file (written atomically).")
    var out: String

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1, got \(horizon)") }
        do { _ = try TaskCatalog.task(named: task) } catch let error as EnvironmentError { throw ValidationError(error.description) }
        guard out.hasSuffix(".svg") else { throw ValidationError("--out must name an .svg file, got \(out)") }
    }

    func run() throws {
        let found = try TaskCatalog.task(named: task)
        let episode = Self.record(found, seed: seed, horizon: horizon, policy: policy)
        let svg = EpisodeDrawing(episode: episode, title: "\(found.name) — \(policy.rawValue) policy, seed \(seed), layout \(episode.layout)").render()
        try AtomicFile.write(svg, to: URL(fileURLWithPath: out))
        let outcome = episode.firstSuccess.map { "first success at step \($0)" } ?? "no success"
        print("wrote \(out): \(episode.hand.count - 1) steps, \(outcome)")
    }

    /// Runs one episode and records what the drawing needs.
    static func record<T: ManipulationTask>(_ task: T, seed: UInt64, horizon: Int, policy: ScriptedPolicy) -> RecordedEpisode {
        var environment = TaskEnvironment(task: task, seed: seed, horizon: horizon)
        var generator = SplitMix64(seed: seed ^ 0x5EED)
        var episode = RecordedEpisode(layout: environment.layoutIndex, boxes: environment.scene.boxes, goal: environment.scene.goal)
        episode.append(environment.scene)
        for step in 1...horizon {
            let action: Action
            switch policy {
            case .expert: action = environment.expertAction()
            case .random: action = Action(generator.uniform(-1, 1), generator.uniform(-1, 1), generator.uniform(-1, 1), generator.uniform(-1, 1))
            }
            let outcome = environment.step(action)
            episode.append(environment.scene)
            if outcome.success && episode.firstSuccess == nil { episode.firstSuccess = step }
        }
        episode.finalBoxes = environment.scene.boxes
        return episode
    }
}

/// The trajectory of one episode, as plain positions.
struct RecordedEpisode {
    /// Layout index the episode ran on.
    let layout: Int
    /// Boxes at the start.
    let boxes: [SceneBox]
    /// Boxes at the end (fixtures that moved).
    var finalBoxes: [SceneBox] = []
    /// Goal position.
    let goal: Vector3
    /// TCP positions, one per step (index 0 = after reset).
    var hand: [Vector3] = []
    /// First body's positions (empty when absent).
    var first: [Vector3] = []
    /// Second body's positions (empty when absent).
    var second: [Vector3] = []
    /// Step of the first success, if any.
    var firstSuccess: Int?

    init(layout: Int, boxes: [SceneBox], goal: Vector3) {
        self.layout = layout
        self.boxes = boxes
        self.goal = goal
    }

    mutating func append(_ scene: Scene) {
        hand.append(scene.tcp)
        if scene.first.kind != .absent { first.append(scene.first.position) }
        if scene.second.kind != .absent { second.append(scene.second.position) }
    }
}

/// Draws a recorded episode: a top view (x right, y up the page) and a side view (y right, z up).
struct EpisodeDrawing {
    let episode: RecordedEpisode
    let title: String

    /// One panel: which two world axes it shows and where it sits on the page.
    struct Panel {
        let name: String
        let horizontal: Int
        let vertical: Int
        let lower: (Double, Double)
        let upper: (Double, Double)
        let origin: (Double, Double)
        let size: (Double, Double)

        func point(_ v: Vector3) -> (Double, Double) {
            let u = (v[horizontal] - lower.0) / (upper.0 - lower.0)
            let w = (v[vertical] - lower.1) / (upper.1 - lower.1)
            return (origin.0 + u * size.0, origin.1 + (1 - w) * size.1)
        }
    }

    func render() -> String {
        var svg = SVGDocument(width: 1000, height: 560)
        svg.text(title, x: 500, y: 28, size: 16, anchor: "middle", bold: true)
        let top = Panel(name: "top view (x, y)", horizontal: 0, vertical: 1, lower: (-0.55, 0.3), upper: (0.55, 1.05), origin: (40, 60), size: (440, 300))
        let side = Panel(name: "side view (y, z)", horizontal: 1, vertical: 2, lower: (0.3, -0.05), upper: (1.05, 0.45), origin: (540, 60), size: (420, 280))
        for panel in [top, side] { draw(panel, on: &svg) }
        legend(on: &svg)
        return svg.render()
    }

    private func draw(_ panel: Panel, on svg: inout SVGDocument) {
        svg.rect(x: panel.origin.0, y: panel.origin.1, width: panel.size.0, height: panel.size.1, fill: "#fafafa", stroke: "#888")
        svg.text(panel.name, x: panel.origin.0, y: panel.origin.1 - 8, size: 12)
        if panel.vertical == 2 {
            let table = panel.point(Vector3(0, panel.lower.0, 0))
            svg.line(x1: panel.origin.0, y1: table.1, x2: panel.origin.0 + panel.size.0, y2: table.1, stroke: "#8b5a2b", width: 2)
        }
        for box in episode.finalBoxes.isEmpty ? episode.boxes : episode.finalBoxes {
            let a = panel.point(box.lower)
            let b = panel.point(box.upper)
            let solid = box.role == .solid
            svg.rect(x: min(a.0, b.0), y: min(a.1, b.1), width: abs(b.0 - a.0), height: abs(b.1 - a.1), fill: solid ? "#9e9e9e" : "#cfe8ff", stroke: solid ? "#555" : "#6aa0d0", strokeWidth: 1, opacity: solid ? 0.8 : 0.5)
        }
        let goal = panel.point(episode.goal)
        svg.circle(cx: goal.0, cy: goal.1, r: 6, fill: "none", stroke: "#d62728", strokeWidth: 2)
        svg.line(x1: goal.0 - 4, y1: goal.1, x2: goal.0 + 4, y2: goal.1, stroke: "#d62728", width: 2)
        for (trajectory, colour) in [(episode.first, "#ff7f0e"), (episode.second, "#9467bd"), (episode.hand, "#1f77b4")] where !trajectory.isEmpty {
            svg.polyline(trajectory.map(panel.point), stroke: colour, width: 1.8, opacity: 0.9)
            let start = panel.point(trajectory[0])
            svg.circle(cx: start.0, cy: start.1, r: 3.5, fill: colour)
            let end = panel.point(trajectory[trajectory.count - 1])
            svg.rect(x: end.0 - 3, y: end.1 - 3, width: 6, height: 6, fill: colour, stroke: colour)
        }
        if let step = episode.firstSuccess {
            let marker = panel.point(episode.hand[step])
            svg.circle(cx: marker.0, cy: marker.1, r: 7, fill: "none", stroke: "#2ca02c", strokeWidth: 2.5)
            svg.text("success @\(step)", x: marker.0 + 9, y: marker.1 - 9, size: 11, fill: "#2ca02c", bold: true)
        }
    }

    private func legend(on svg: inout SVGDocument) {
        let items = [("#1f77b4", "fingertip (TCP) path"), ("#ff7f0e", "object 1 path"), ("#9467bd", "object 2 path"), ("#d62728", "goal"), ("#2ca02c", "first success"), ("#9e9e9e", "solid walls/fixtures"), ("#cfe8ff", "regions (not solid)")]
        for (index, item) in items.enumerated() {
            let x = 60 + Double(index % 4) * 230
            let y = 420 + Double(index / 4) * 24
            svg.rect(x: x, y: y - 10, width: 14, height: 12, fill: item.0, stroke: "#555")
            svg.text(item.1, x: x + 20, y: y, size: 12)
        }
        let outcome = episode.firstSuccess.map { "first success at step \($0) of \(episode.hand.count - 1)" } ?? "no success in \(episode.hand.count - 1) steps"
        svg.text("dots: start, squares: end; \(outcome)", x: 60, y: 490, size: 12)
    }
}
