/// A line chart with optional shaded bands, drawn as SVG: training curves (success rate over steps,
/// one line per method, the band spanning the seeds) and conflict statistics. One panel, its legend
/// on the right, a title and a footnote.
public struct LineChart: Sendable {
    /// One line of the chart.
    public struct Series: Sendable {
        /// Legend text.
        public var name: String
        /// Points (x, y) in data units, in order of x.
        public var points: [(Double, Double)]
        /// Optional band around the line: (x, lower, upper), for example mean ± standard error over seeds.
        public var band: [(Double, Double, Double)]
        /// Colour, dash and marker; nil takes `SeriesStyle.at` of the series' position.
        public var style: SeriesStyle?

        /// A series with an optional band and style.
        public init(name: String, points: [(Double, Double)], band: [(Double, Double, Double)] = [], style: SeriesStyle? = nil) {
            self.name = name
            self.points = points
            self.band = band
            self.style = style
        }
    }

    /// Title over the plot.
    public var title: String
    /// Label of the x axis.
    public var xLabel: String
    /// Label of the y axis.
    public var yLabel: String
    /// The lines.
    public var series: [Series]
    /// Fixed x range (for example from step 0); nil fits the data.
    public var xRange: ClosedRange<Double>?
    /// Fixed y range (for example 0...1 for success rates); nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// Notes under the plot (what the lines and bands are, the seeds); wrapped to the width, `\n` starts a new line.
    public var footnote: String

    /// A chart of `series`.
    public init(title: String, xLabel: String, yLabel: String, series: [Series], xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, footnote: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.footnote = footnote
    }

    /// The chart as an SVG document; the canvas widens to fit long legend entries.
    public func render(width: Double = 760, height: Double = 460) -> String {
        let legendWidth = Self.legendWidth(series.map(\.name))
        let canvasWidth = width - 180 + legendWidth
        let footLines = Self.wrap(footnote, width: canvasWidth - 80)
        let canvasHeight = height + Double(max(footLines.count - 1, 0)) * 14
        var svg = SVGDocument(width: canvasWidth, height: canvasHeight)
        svg.text(title, x: canvasWidth / 2, y: 24, size: 15, anchor: "middle", bold: true)
        let frame = ChartPanel.Frame(left: 70, top: 40, right: width - 180, bottom: height - 70)
        let panel = ChartPanel(xLabel: xLabel, yLabel: yLabel, series: series, xRange: xRange, yRange: yRange)
        panel.draw(into: &svg, frame: frame)
        Self.drawLegend(series, into: &svg, x: frame.right + 15, y: frame.top + 10)
        for (index, line) in footLines.enumerated() {
            svg.text(line, x: frame.left, y: canvasHeight - 10 - Double(footLines.count - 1 - index) * 14, size: 10, fill: "#555")
        }
        return svg.render()
    }

    /// `text` broken into lines at its `\n`s and at spaces, so that no line is wider than `width` pixels
    /// of 10-pixel text (about 5.6 pixels a character).
    static func wrap(_ text: String, width: Double) -> [String] {
        let limit = max(20, Int(width / 5.6))
        var lines = [String]()
        for paragraph in text.split(separator: "\n") {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > limit {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    /// Pixels a legend of these entry names needs (sample line, gap, text at about 6.6 pixels a character).
    static func legendWidth(_ names: [String]) -> Double {
        max(180, 60 + Double(names.map(\.count).max() ?? 0) * 6.6)
    }

    /// Draws one legend entry per series, 20 pixels apart, starting at (x, y).
    static func drawLegend(_ series: [Series], into svg: inout SVGDocument, x: Double, y: Double) {
        for (index, line) in series.enumerated() {
            (line.style ?? SeriesStyle.at(index)).drawLegendEntry(line.name, into: &svg, x: x, y: y + Double(index) * 20)
        }
    }
}
