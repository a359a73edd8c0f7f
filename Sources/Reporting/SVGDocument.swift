/// A minimal SVG writer: shapes and text appended in drawing order, rendered to one string.
///
/// Every figure the tool draws (training curves, toy-problem trajectories, episode renders) is built on
/// this, so the output is plain, valid SVG 1.1 with no dependencies.
public struct SVGDocument: Sendable {
    /// Width of the canvas in pixels.
    public let width: Double
    /// Height of the canvas in pixels.
    public let height: Double
    private var elements: [String] = []

    /// An empty white canvas of `width` x `height` pixels.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
        elements.append(#"<rect x="0" y="0" width="\#(Self.format(width))" height="\#(Self.format(height))" fill="white"/>"#)
    }

    /// A straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "black", width strokeWidth: Double = 1, dash: String? = nil) {
        elements.append(#"<line x1="\#(Self.format(x1))" y1="\#(Self.format(y1))" x2="\#(Self.format(x2))" y2="\#(Self.format(y2))" stroke="\#(Self.escape(stroke))" stroke-width="\#(Self.format(strokeWidth))"\#(dashAttribute(dash))/>"#)
    }

    /// An open polyline through `points`.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width strokeWidth: Double = 1.5, opacity: Double = 1, dash: String? = nil) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " ")
        elements.append(#"<polyline points="\#(list)" fill="none" stroke="\#(Self.escape(stroke))" stroke-width="\#(Self.format(strokeWidth))" stroke-opacity="\#(Self.format(opacity))"\#(dashAttribute(dash))/>"#)
    }

    /// A closed polygon through `points`.
    public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1, stroke: String = "none") {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.format($0.0)),\(Self.format($0.1))" }.joined(separator: " ")
        elements.append(#"<polygon points="\#(list)" fill="\#(Self.escape(fill))" fill-opacity="\#(Self.format(opacity))" stroke="\#(Self.escape(stroke))"/>"#)
    }

    /// An axis-aligned rectangle.
    public mutating func rect(x: Double, y: Double, width w: Double, height h: Double, fill: String = "none", stroke: String = "black", strokeWidth: Double = 1, opacity: Double = 1) {
        elements.append(#"<rect x="\#(Self.format(x))" y="\#(Self.format(y))" width="\#(Self.format(max(w, 0)))" height="\#(Self.format(max(h, 0)))" fill="\#(Self.escape(fill))" fill-opacity="\#(Self.format(opacity))" stroke="\#(Self.escape(stroke))" stroke-width="\#(Self.format(strokeWidth))"/>"#)
    }

    /// A circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String = "black", stroke: String = "none", strokeWidth: Double = 1) {
        elements.append(#"<circle cx="\#(Self.format(cx))" cy="\#(Self.format(cy))" r="\#(Self.format(r))" fill="\#(Self.escape(fill))" stroke="\#(Self.escape(stroke))" stroke-width="\#(Self.format(strokeWidth))"/>"#)
    }

    /// Text anchored at (x, y); `anchor` is start, middle or end.
    public mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", fill: String = "black", bold: Bool = false, rotate: Double? = nil) {
        let weight = bold ? #" font-weight="bold""# : ""
        let transform = rotate.map { #" transform="rotate(\#(Self.format($0)) \#(Self.format(x)) \#(Self.format(y)))""# } ?? ""
        elements.append(#"<text x="\#(Self.format(x))" y="\#(Self.format(y))" font-family="Helvetica, Arial, sans-serif" font-size="\#(Self.format(size))" text-anchor="\#(Self.escape(anchor))" fill="\#(Self.escape(fill))"\#(weight)\#(transform)>\#(Self.escape(content))</text>"#)
    }

    /// The complete SVG document.
    public func render() -> String {
        var output = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        output += #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(Self.format(width))" height="\#(Self.format(height))" viewBox="0 0 \#(Self.format(width)) \#(Self.format(height))">"# + "\n"
        for element in elements { output += element + "\n" }
        output += "</svg>\n"
        return output
    }

    /// A number with at most two decimals, no exponent (SVG needs plain decimals).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// Escapes the five XML special characters.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    private func dashAttribute(_ dash: String?) -> String {
        dash.map { #" stroke-dasharray="\#(Self.escape($0))""# } ?? ""
    }
}
