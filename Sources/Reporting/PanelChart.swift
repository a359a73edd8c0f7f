/// A figure of one large overview panel (for example the suite's mean success) with the legend beside
/// it, and under it a grid of small panels, one per part (for example per task), all sharing the same
/// series styles and x range, so each method reads the same everywhere.
public struct PanelChart: Sendable {
    /// One panel: a title and its lines.
    public struct Panel: Sendable {
        /// The panel's title (a task's name).
        public var title: String
        /// The lines; give each a `style` so a method looks the same in every panel.
        public var series: [LineChart.Series]

        /// A panel titled `title` with `series`.
        public init(title: String, series: [LineChart.Series]) {
            self.title = title
            self.series = series
        }
    }

    /// Title over the figure.
    public var title: String
    /// The large panel; its series also make the legend.
    public var overview: Panel
    /// The small panels, in reading order (left to right, then down).
    public var panels: [Panel]
    /// Label of the x axis (written on the overview, and in the grid's caption).
    public var xLabel: String
    /// Label of the y axis (written on the overview, and in the grid's caption).
    public var yLabel: String
    /// Fixed x range for every panel; nil fits all the panels' data.
    public var xRange: ClosedRange<Double>?
    /// Fixed y range for every panel (0...1 for success rates); nil fits each panel's own data.
    public var yRange: ClosedRange<Double>?
    /// Notes under the figure; wrapped to the width, `\n` starts a new line.
    public var footnote: String
    /// Small panels per row.
    public var columns: Int

    /// A figure from its parts.
    public init(title: String, overview: Panel, panels: [Panel], xLabel: String, yLabel: String, xRange: ClosedRange<Double>? = nil,
                yRange: ClosedRange<Double>? = nil, footnote: String = "", columns: Int = 5) {
        self.title = title
        self.overview = overview
        self.panels = panels
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = xRange
        self.yRange = yRange
        self.footnote = footnote
        self.columns = max(columns, 1)
    }

    /// The figure as an SVG document, 1,000 pixels wide (wider for long legend entries).
    public func render() -> String {
        let legendWidth = LineChart.legendWidth(overview.series.map(\.name))
        let width = max(1000, 740 + legendWidth)
        let footLines = LineChart.wrap(footnote, width: width - 40)
        let rows = (panels.count + columns - 1) / columns
        let cellWidth = (width - 40) / Double(columns), cellHeight = 175.0
        let gridTop = 470.0
        let height = (rows == 0 ? 430 : gridTop + Double(rows) * cellHeight) + 20 + Double(footLines.count) * 14
        let sharedX = xRange ?? allXRange()

        var svg = SVGDocument(width: width, height: height)
        svg.text(title, x: width / 2, y: 26, size: 16, anchor: "middle", bold: true)
        let big = ChartPanel.Frame(left: 90, top: 62, right: width - legendWidth - 20, bottom: 362)
        ChartPanel(title: overview.title, xLabel: xLabel, yLabel: yLabel, series: overview.series, xRange: sharedX, yRange: yRange, fontSize: 12)
            .draw(into: &svg, frame: big)
        LineChart.drawLegend(overview.series, into: &svg, x: big.right + 20, y: big.top + 10)

        if rows > 0 {
            svg.text("per task: \(yLabel) over \(xLabel)", x: width / 2, y: gridTop - 26, size: 13, anchor: "middle", bold: true)
        }
        for (index, panel) in panels.enumerated() {
            let left = 20 + Double(index % columns) * cellWidth, top = gridTop + Double(index / columns) * cellHeight
            let frame = ChartPanel.Frame(left: left + 40, top: top + 20, right: left + cellWidth - 10, bottom: top + cellHeight - 28)
            ChartPanel(title: panel.title, series: panel.series, xRange: sharedX, yRange: yRange, fontSize: 9, tickCount: 3, markerSize: 5)
                .draw(into: &svg, frame: frame)
        }
        for (index, line) in footLines.enumerated() {
            svg.text(line, x: 20, y: height - 12 - Double(footLines.count - 1 - index) * 14, size: 10, fill: "#555")
        }
        return svg.render()
    }

    /// The x range covering every panel's points (nil when there are none).
    func allXRange() -> ClosedRange<Double>? {
        let xs = ([overview] + panels).flatMap { $0.series.flatMap { $0.points.map(\.0) } }
        guard let low = xs.min(), let high = xs.max() else { return nil }
        return low...high
    }
}
