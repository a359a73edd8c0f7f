import Experiment
import Foundation
import Reporting
import Testing

/// How many times `piece` occurs in `text`.
private func count(_ piece: String, in text: String) -> Int {
    text.components(separatedBy: piece).count - 1
}

/// The polyline elements of an SVG document (one per drawn series).
private func polylines(_ svg: String) -> [Substring] {
    svg.split(separator: "\n").filter { $0.hasPrefix("<polyline") }
}

/// Two groups (pcgrad with two seeds, mean with one) on a suite whose tasks are not in alphabetical order.
private func twoGroups() throws -> RunCurves {
    let root = scratchFolder("figure")
    let tasks = ["window-open", "button-press"]
    return try RunCurves(folders: [
        try syntheticRun(in: root, name: "a", seed: 1, tasks: tasks, rows: [(1000, [0.2, 0.4]), (2000, [0.6, 0.8])]),
        try syntheticRun(in: root, name: "b", seed: 2, tasks: tasks, rows: [(1000, [0.4, 0.2]), (2000, [0.8, 1.0])]),
        try syntheticRun(in: root, name: "c", combiner: "mean", seed: 1, tasks: tasks, rows: [(1000, [0.1, 0.1]), (2000, [0.3, 0.1])]),
    ])
}

@Test("the default figure: a mean panel and one small panel per task in the suite's order, one series per group per panel")
func panelFigure() throws {
    let svg = try twoGroups().panelChart().render()
    #expect(isWellFormedMarkup(svg), "the SVG's tags do not nest")
    #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    #expect(polylines(svg).count == 2 * 3)
    let windowOpen = try #require(svg.range(of: ">window-open</text>")), buttonPress = try #require(svg.range(of: ">button-press</text>"))
    #expect(windowOpen.lowerBound < buttonPress.lowerBound)
    #expect(svg.contains(">mean over the 2 tasks</text>"))
    // Bands only for the group with two seeds, in each of its three panels.
    #expect(count(#"fill-opacity="0.15""#, in: svg) == 3)
    // Group 0 is solid, group 1 dashed: in every panel and in the legend.
    #expect(polylines(svg).filter { !$0.contains("stroke-dasharray") }.count == 3)
    #expect(count(#"stroke-dasharray="7 4""#, in: svg) == 3 + 1)
    #expect(svg.contains("pcgrad (2 seeds)") && svg.contains("mean (1 seed)"))
    #expect(svg.contains("environment steps per task") && svg.contains(">0.6</text>") && svg.contains(">2k</text>"))
    #expect(svg.contains("bands: mean ± one standard error"))
}

@Test("--task draws that task alone in one panel")
func singleTaskFigure() throws {
    let curves = try twoGroups()
    let svg = curves.chart(task: "button-press").render()
    #expect(isWellFormedMarkup(svg))
    #expect(polylines(svg).count == 2)
    #expect(svg.contains("mt10: button-press success rate over training"))
}

@Test("train.csv metrics make a panel figure too, the mean panel averaging the tasks")
func trainMetricFigure() throws {
    let root = scratchFolder("figure-train")
    let folder = try syntheticRun(in: root, name: "run", seed: 1, rows: [(100, [0.5, 0.5])])
    let rows = [RunFolder.trainHeader, "150,reach,1,2,0.5,-4,1,0,0.2,0.1,0.4,0.3", "150,push,3,2,0.5,-4,1,1,0.6,0.1,0.4,0.3"]
    try (rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
    let svg = try RunCurves(folders: [folder], column: "critic_mean_cosine").panelChart().render()
    #expect(isWellFormedMarkup(svg))
    #expect(polylines(svg).count == 3)
    #expect(svg.contains("critic mean cosine over training"))
}

@Test("a long footnote is wrapped to the figure's width")
func footnoteWraps() throws {
    let root = scratchFolder("figure-footnote")
    let folders = try (1...12).map { seed in try syntheticRun(in: root, name: "run-\(seed)", seed: UInt64(seed), rows: [(100, [0.5, 0.5])]) }
    let svg = try RunCurves(folders: folders, labelKeys: ["seed"]).chart().render()
    let width = try #require(Double(svg.split(separator: "\n")[1].split(separator: "\"")[5]))
    let footnotes = svg.split(separator: "\n").filter { $0.contains(##"fill="#555""##) }
    #expect(footnotes.count >= 3)
    for line in footnotes {
        let text = line.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
        #expect(Double(text.count) * 5.6 <= width - 70, "footnote line too long: \(text)")
    }
}

@Test("neighbouring series differ in colour, dash and marker")
func distinctStyles() {
    let styles = (0..<6).map(SeriesStyle.at)
    #expect(Set(styles.map(\.color)).count == 6)
    #expect(Set(styles.map { $0.dash ?? "solid" }).count == 6)
    #expect(Set(styles.map(\.marker)).count == 6)
}

@Test("a Markdown table lines up its columns and escapes pipes")
func markdownTable() {
    let table = MarkdownTable(header: ["combiner", "final"], rows: [["pcgrad", "0.5"], ["a|b", "1"]]).render()
    #expect(table == """
        | combiner | final |
        |----------|-------|
        | pcgrad   | 0.5   |
        | a\\|b     | 1     |

        """)
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
