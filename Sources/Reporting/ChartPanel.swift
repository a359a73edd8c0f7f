/// One plotting area drawn into a rectangle of a larger SVG document: frame, grid lines, ticks with
/// labels, axis labels, then each series' band, line and markers. `LineChart` (one panel) and
/// `PanelChart` (an overview panel and small multiples) are both made of these.
struct ChartPanel {
    /// The rectangle of the plotting area, in pixels of the document.
    struct Frame {
        /// Left edge.
        var left: Double
        /// Top edge.
        var top: Double
        /// Right edge.
        var right: Double
        /// Bottom edge.
        var bottom: Double
    }

    /// Title over the area (nil for none).
    var title: String?
    /// Label under the x axis (nil for none, as in small multiples that share one caption).
    var xLabel: String?
    /// Label left of the y axis (nil for none).
    var yLabel: String?
    /// The lines.
    var series: [LineChart.Series]
    /// Plotted x range; nil fits the data.
    var xRange: ClosedRange<Double>?
    /// Plotted y range; nil fits the data. Bands are clipped to it.
    var yRange: ClosedRange<Double>?
    /// Font size of tick labels (titles and axis labels scale from it).
    var fontSize: Double = 11
    /// About how many ticks per axis.
    var tickCount: Int = 5
    /// Marker size in pixels.
    var markerSize: Double = 7

    /// Draws the panel into `svg` inside `frame`.
    func draw(into svg: inout SVGDocument, frame: Frame) {
        let (xLow, xHigh) = xBounds()
        let (yLow, yHigh) = yBounds()
        func px(_ x: Double) -> Double { frame.left + (x - xLow) / (xHigh - xLow) * (frame.right - frame.left) }
        func py(_ y: Double) -> Double { frame.bottom - (min(max(y, yLow), yHigh) - yLow) / (yHigh - yLow) * (frame.bottom - frame.top) }

        for tick in Self.ticks(yLow, yHigh, count: tickCount) {
            svg.line(x1: frame.left, y1: py(tick), x2: frame.right, y2: py(tick), stroke: "#e0e0e0")
            svg.text(Self.label(tick), x: frame.left - 5, y: py(tick) + fontSize / 3, size: fontSize, anchor: "end")
        }
        for tick in Self.ticks(xLow, xHigh, count: tickCount) {
            svg.line(x1: px(tick), y1: frame.bottom, x2: px(tick), y2: frame.bottom + 4, stroke: "#444")
            svg.text(Self.label(tick), x: px(tick), y: frame.bottom + 6 + fontSize, size: fontSize, anchor: "middle")
        }
        svg.rect(x: frame.left, y: frame.top, width: frame.right - frame.left, height: frame.bottom - frame.top, stroke: "#444")
        if let title { svg.text(title, x: (frame.left + frame.right) / 2, y: frame.top - 6, size: fontSize + 1, anchor: "middle", bold: true) }
        if let xLabel { svg.text(xLabel, x: (frame.left + frame.right) / 2, y: frame.bottom + 12 + fontSize * 2, size: fontSize + 1, anchor: "middle") }
        if let yLabel {
            let x = frame.left - 22 - fontSize * 2
            svg.text(yLabel, x: x, y: (frame.top + frame.bottom) / 2, size: fontSize + 1, anchor: "middle", rotate: -90)
        }

        for (index, line) in series.enumerated() {
            let style = line.style ?? SeriesStyle.at(index)
            if !line.band.isEmpty {
                let upper = line.band.map { (px($0.0), py($0.2)) }
                let lower = line.band.reversed().map { (px($0.0), py($0.1)) }
                svg.polygon(upper + lower, fill: style.color, opacity: 0.15)
            }
            svg.polyline(line.points.map { (px($0.0), py($0.1)) }, stroke: style.color, width: 2, dash: style.dash)
            for position in Self.markerPositions(count: line.points.count, series: index, of: series.count) {
                let point = line.points[position]
                style.drawMarker(into: &svg, x: px(point.0), y: py(point.1), size: markerSize)
            }
        }
    }

    /// The x range drawn: the given one, or the data's, never empty.
    func xBounds() -> (Double, Double) {
        let xs = series.flatMap { $0.points.map(\.0) }
        let low = xRange?.lowerBound ?? (xs.min() ?? 0)
        let high = xRange?.upperBound ?? (xs.max() ?? 1)
        return high - low < 1e-12 ? (low - 0.5, low + 0.5) : (low, high)
    }

    /// The y range drawn: the given one, or the data's (lines and bands), never empty.
    func yBounds() -> (Double, Double) {
        let ys = series.flatMap { $0.points.map(\.1) + $0.band.flatMap { [$0.1, $0.2] } }.filter(\.isFinite)
        let low = yRange?.lowerBound ?? (ys.min() ?? 0)
        let high = yRange?.upperBound ?? (ys.max() ?? 1)
        return high - low < 1e-12 ? (low - 0.5, low + 0.5) : (low, high)
    }

    /// Indices of the points that get a marker: all of them for short lines, otherwise about eight
    /// evenly spaced ones, shifted per series so markers of different lines do not sit on each other.
    static func markerPositions(count: Int, series: Int, of seriesCount: Int) -> [Int] {
        guard count > 12 else { return Array(0..<count) }
        let spacing = Double(count - 1) / 8
        let shift = spacing * Double(series) / Double(max(seriesCount, 1))
        return (0..<8).map { min(count - 1, Int((Double($0) * spacing + shift).rounded())) }
    }

    /// About `count` round tick values covering low...high (steps of 1, 2 or 5 times a power of ten).
    static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite, count > 0 else { return [low] }
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var tick = (low / step).rounded(.up) * step
        var result = [Double]()
        while tick <= high + step * 1e-9 {
            result.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return result
    }

    /// A tick label: plain below a thousand, then with a k or M suffix (12k, 1.5M).
    static func label(_ value: Double) -> String {
        if abs(value) >= 1_000_000 { return "\(SVGDocument.format(value / 1_000_000))M" }
        if abs(value) >= 1_000 { return "\(SVGDocument.format(value / 1_000))k" }
        return SVGDocument.format(value)
    }
}
