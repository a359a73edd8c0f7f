/// A line chart with optional shaded bands, drawn as SVG: training curves (success rate over steps,
/// one line per method, the band spanning the seeds) and conflict statistics.
public struct LineChart: Sendable {
    /// One line of the chart.
    public struct Series: Sendable {
        /// Legend text.
        public var name: String
        /// Points (x, y) in data units, in order of x.
        public var points: [(Double, Double)]
        /// Optional band around the line: (x, lower, upper), for example the min and max over seeds.
        public var band: [(Double, Double, Double)]

        /// A series with an optional band.
        public init(name: String, points: [(Double, Double)], band: [(Double, Double, Double)] = []) {
            self.name = name
            self.points = points
            self.band = band
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
    /// Fixed y range (for example 0...1 for success rates); nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// A note under the plot (what was run, seeds).
    public var footnote: String

    /// A chart of `series`.
    public init(title: String, xLabel: String, yLabel: String, series: [Series], yRange: ClosedRange<Double>? = nil, footnote: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.footnote = footnote
    }

    /// Colours of the lines, in order (colour-blind friendly Tableau-like palette).
    public static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The chart as an SVG document of `width` x `height` pixels.
    public func render(width: Double = 760, height: Double = 460) -> String {
        var svg = SVGDocument(width: width, height: height)
        let left = 70.0, right = width - 180, top = 40.0, bottom = height - 70
        svg.text(title, x: width / 2, y: 24, size: 15, anchor: "middle", bold: true)
        let xs = series.flatMap { $0.points.map(\.0) }
        let ys = series.flatMap { $0.points.map(\.1) + $0.band.flatMap { [$0.1, $0.2] } }
        let xMin = xs.min() ?? 0, xMax = max(xs.max() ?? 1, xMin + 1e-9)
        var yLow = yRange?.lowerBound ?? (ys.min() ?? 0), yHigh = yRange?.upperBound ?? (ys.max() ?? 1)
        if yHigh - yLow < 1e-12 { yLow -= 0.5; yHigh += 0.5 }
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - yLow) / (yHigh - yLow) * (bottom - top) }

        for tick in Self.ticks(yLow, yHigh) {
            svg.line(x1: left, y1: py(tick), x2: right, y2: py(tick), stroke: "#e0e0e0")
            svg.text(Self.label(tick), x: left - 6, y: py(tick) + 4, size: 11, anchor: "end")
        }
        for tick in Self.ticks(xMin, xMax) {
            svg.line(x1: px(tick), y1: bottom, x2: px(tick), y2: bottom + 4)
            svg.text(Self.label(tick), x: px(tick), y: bottom + 18, size: 11, anchor: "middle")
        }
        svg.rect(x: left, y: top, width: right - left, height: bottom - top, stroke: "#444")
        svg.text(xLabel, x: (left + right) / 2, y: bottom + 40, size: 12, anchor: "middle")
        svg.text(yLabel, x: 18, y: (top + bottom) / 2, size: 12, anchor: "middle", rotate: -90)

        for (index, line) in series.enumerated() {
            let color = Self.palette[index % Self.palette.count]
            if !line.band.isEmpty {
                let upper = line.band.map { (px($0.0), py($0.2)) }
                let lower = line.band.reversed().map { (px($0.0), py($0.1)) }
                svg.polygon(upper + lower, fill: color, opacity: 0.18)
            }
            svg.polyline(line.points.map { (px($0.0), py($0.1)) }, stroke: color, width: 2)
            for point in line.points { svg.circle(cx: px(point.0), cy: py(point.1), r: 2.5, fill: color) }
            let legendY = top + 10 + Double(index) * 20
            svg.line(x1: right + 15, y1: legendY, x2: right + 40, y2: legendY, stroke: color, width: 3)
            svg.text(line.name, x: right + 46, y: legendY + 4, size: 12)
        }
        if !footnote.isEmpty { svg.text(footnote, x: left, y: height - 10, size: 10, fill: "#555") }
        return svg.render()
    }

    /// About five round tick values covering low...high.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let raw = span / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var tick = (low / step).rounded(.up) * step
        var result = [Double]()
        while tick <= high + step * 1e-9 {
            result.append(tick)
            tick += step
        }
        return result
    }

    static func label(_ value: Double) -> String {
        if abs(value) >= 1_000_000 { return "\(SVGDocument.format(value / 1_000_000))M" }
        if abs(value) >= 1_000 { return "\(SVGDocument.format(value / 1_000))k" }
        return SVGDocument.format(value)
    }
}
