/// How one line of a chart is drawn: colour, dash pattern and marker shape. All three differ between
/// neighbouring series, so the lines stay apart in greyscale print and for colour-blind readers.
public struct SeriesStyle: Sendable, Equatable {
    /// The shape drawn at some points of a line and in its legend entry.
    public enum Marker: String, Sendable, CaseIterable {
        /// A filled circle.
        case circle
        /// A filled square.
        case square
        /// A filled triangle pointing up.
        case triangle
        /// A filled diamond.
        case diamond
        /// An upright cross (+).
        case plus
        /// A diagonal cross (x).
        case cross
        /// A filled triangle pointing down.
        case triangleDown
    }

    /// Stroke and fill colour (CSS colour text).
    public var color: String
    /// SVG `stroke-dasharray` of the line; nil draws it solid.
    public var dash: String?
    /// The marker shape.
    public var marker: Marker

    /// A style from its parts.
    public init(color: String, dash: String?, marker: Marker) {
        self.color = color
        self.dash = dash
        self.marker = marker
    }

    /// Colours in order (colour-blind friendly Tableau-like palette).
    public static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    /// Dash patterns in order: solid, dashed, dotted, dash-dot, long dash, dash-dot-dot.
    public static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "14 5", "7 3 2 3 2 3"]

    /// The style of the series at `index`: palette, dash and marker each cycle on their own, so the
    /// first 42 series are all different (and the first six differ in all three).
    public static func at(_ index: Int) -> SeriesStyle {
        let markers = Marker.allCases
        return SeriesStyle(color: palette[index % palette.count], dash: dashes[index % dashes.count], marker: markers[index % markers.count])
    }

    /// Draws the marker centred at (x, y), `size` pixels across.
    public func drawMarker(into svg: inout SVGDocument, x: Double, y: Double, size: Double) {
        let r = size / 2
        switch marker {
        case .circle:
            svg.circle(cx: x, cy: y, r: r, fill: color)
        case .square:
            svg.rect(x: x - r * 0.9, y: y - r * 0.9, width: r * 1.8, height: r * 1.8, fill: color, stroke: "none")
        case .triangle:
            svg.polygon([(x, y - r * 1.15), (x + r * 1.1, y + r * 0.75), (x - r * 1.1, y + r * 0.75)], fill: color)
        case .triangleDown:
            svg.polygon([(x, y + r * 1.15), (x + r * 1.1, y - r * 0.75), (x - r * 1.1, y - r * 0.75)], fill: color)
        case .diamond:
            svg.polygon([(x, y - r * 1.25), (x + r, y), (x, y + r * 1.25), (x - r, y)], fill: color)
        case .plus:
            svg.line(x1: x - r * 1.2, y1: y, x2: x + r * 1.2, y2: y, stroke: color, width: 2)
            svg.line(x1: x, y1: y - r * 1.2, x2: x, y2: y + r * 1.2, stroke: color, width: 2)
        case .cross:
            svg.line(x1: x - r, y1: y - r, x2: x + r, y2: y + r, stroke: color, width: 2)
            svg.line(x1: x - r, y1: y + r, x2: x + r, y2: y - r, stroke: color, width: 2)
        }
    }

    /// A legend entry at (x, y): a short line in this dash with the marker on it, then `name`.
    public func drawLegendEntry(_ name: String, into svg: inout SVGDocument, x: Double, y: Double, fontSize: Double = 12) {
        svg.line(x1: x, y1: y, x2: x + 34, y2: y, stroke: color, width: 2.5, dash: dash)
        drawMarker(into: &svg, x: x + 17, y: y, size: 7)
        svg.text(name, x: x + 42, y: y + fontSize / 3, size: fontSize)
    }
}
