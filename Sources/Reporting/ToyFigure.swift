/// The figure of a two-dimensional optimisation comparison, as in the CAGrad and PCGrad papers: one square
/// panel per method, each showing contour lines of a loss over the plane, the Pareto set, and one
/// trajectory per starting point (start as a ring, end as a dot).
///
/// It takes plain numbers (a grid of loss values, point lists), so the drawing knows nothing about the
/// problems or the optimisers that produced them.
public struct ToyFigure: Sendable {
    /// One panel: a title and the trajectories drawn on it, each a list of (x, y) points.
    public struct Panel: Sendable {
        /// The panel's title (the method's name).
        public var title: String
        /// One polyline per starting point, in the order of `ToyFigure.startColors`.
        public var trajectories: [[(x: Double, y: Double)]]

        /// A panel titled `title` with `trajectories`.
        public init(title: String, trajectories: [[(x: Double, y: Double)]]) {
            self.title = title
            self.trajectories = trajectories
        }
    }

    /// The figure's title, above the panels.
    public var title: String
    /// The plotted x range.
    public var xRange: ClosedRange<Double>
    /// The plotted y range.
    public var yRange: ClosedRange<Double>
    /// Loss values on a regular grid: `grid[j][i]` at x = lower x + i * width / (columns - 1),
    /// y = lower y + j * height / (rows - 1). At least 2 x 2.
    public var grid: [[Double]]
    /// How many contour levels to draw, placed at evenly spaced quantiles of the grid values (so both
    /// the deep valleys and the plateaus get lines).
    public var levelCount: Int
    /// The Pareto set as a polyline (drawn thick and grey); empty for none.
    public var paretoSet: [(x: Double, y: Double)]
    /// A point to mark with a cross (the minimum of the plotted loss), if any.
    public var target: (x: Double, y: Double)?
    /// The panels, left to right.
    public var panels: [Panel]
    /// A line of text under the panels (what the contours show, the settings).
    public var caption: String

    /// Colours of the trajectories, by starting point (repeating after the last).
    public static let startColors = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"]

    /// A figure from its parts.
    public init(
        title: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, grid: [[Double]], levelCount: Int = 16,
        paretoSet: [(x: Double, y: Double)], target: (x: Double, y: Double)?, panels: [Panel], caption: String
    ) {
        precondition(grid.count >= 2 && (grid.first?.count ?? 0) >= 2, "ToyFigure: the grid must be at least 2 x 2")
        self.title = title
        self.xRange = xRange
        self.yRange = yRange
        self.grid = grid
        self.levelCount = levelCount
        self.paretoSet = paretoSet
        self.target = target
        self.panels = panels
        self.caption = caption
    }

    /// The SVG document.
    public func render() -> String {
        let size = 300.0, gap = 30.0, left = 50.0, top = 50.0
        let width = left + Double(panels.count) * (size + gap) + 10
        var svg = SVGDocument(width: width, height: top + size + 70)
        svg.text(title, x: width / 2, y: 22, size: 15, anchor: "middle", bold: true)
        let levels = contourLevels()
        let contours = levels.enumerated().map { index, level in
            (color: Self.levelColor(Double(index) / Double(max(levels.count - 1, 1))), lines: ContourTracer.lines(grid: grid, level: level))
        }
        for (index, panel) in panels.enumerated() {
            let originX = left + Double(index) * (size + gap)
            func map(_ point: (x: Double, y: Double)) -> (Double, Double) {
                let fx = (point.x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
                let fy = (point.y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
                return (originX + min(max(fx, 0), 1) * size, top + (1 - min(max(fy, 0), 1)) * size)
            }
            func mapGrid(_ point: (Double, Double)) -> (Double, Double) {
                let columns = Double(grid[0].count - 1), rows = Double(grid.count - 1)
                return (originX + point.0 / columns * size, top + (1 - point.1 / rows) * size)
            }
            svg.rect(x: originX, y: top, width: size, height: size, fill: "#fbfbf7", stroke: "none")
            for contour in contours {
                for line in contour.lines {
                    svg.polyline(line.map(mapGrid), stroke: contour.color, width: 0.8, opacity: 0.9)
                }
            }
            if paretoSet.count >= 2 {
                svg.polyline(paretoSet.map(map), stroke: "#555555", width: 4, opacity: 0.6)
            }
            for (start, trajectory) in panel.trajectories.enumerated() where !trajectory.isEmpty {
                let color = Self.startColors[start % Self.startColors.count]
                svg.polyline(trajectory.map(map), stroke: color, width: 1.6)
                let first = map(trajectory[0]), last = map(trajectory[trajectory.count - 1])
                svg.circle(cx: first.0, cy: first.1, r: 4.5, fill: "white", stroke: color, strokeWidth: 2)
                svg.circle(cx: last.0, cy: last.1, r: 3.5, fill: color)
            }
            if let target {
                let (tx, ty) = map(target)
                svg.line(x1: tx - 5, y1: ty - 5, x2: tx + 5, y2: ty + 5, stroke: "black", width: 1.5)
                svg.line(x1: tx - 5, y1: ty + 5, x2: tx + 5, y2: ty - 5, stroke: "black", width: 1.5)
            }
            svg.rect(x: originX, y: top, width: size, height: size, stroke: "#333333")
            svg.text(panel.title, x: originX + size / 2, y: top - 8, size: 13, anchor: "middle", bold: true)
            for (fraction, value) in [(0.0, xRange.lowerBound), (0.5, (xRange.lowerBound + xRange.upperBound) / 2), (1.0, xRange.upperBound)] {
                svg.text(Self.label(value), x: originX + fraction * size, y: top + size + 14, size: 10, anchor: "middle")
            }
            if index == 0 {
                for (fraction, value) in [(0.0, yRange.lowerBound), (0.5, (yRange.lowerBound + yRange.upperBound) / 2), (1.0, yRange.upperBound)] {
                    svg.text(Self.label(value), x: originX - 5, y: top + (1 - fraction) * size + 4, size: 10, anchor: "end")
                }
            }
        }
        svg.text(caption, x: left, y: top + size + 38, size: 11)
        svg.text("ring: start, dot: end, grey: Pareto set, cross: minimum of the contoured loss", x: left, y: top + size + 56, size: 11, fill: "#555555")
        return svg.render()
    }

    /// `levelCount` values at evenly spaced quantiles (from 2% to 98%) of the finite grid values.
    private func contourLevels() -> [Double] {
        let values = grid.flatMap { $0 }.filter(\.isFinite).sorted()
        guard !values.isEmpty, levelCount >= 1 else { return [] }
        var levels = [Double]()
        for index in 0..<levelCount {
            let fraction = 0.02 + 0.96 * Double(index) / Double(max(levelCount - 1, 1))
            let level = values[min(Int(fraction * Double(values.count - 1)), values.count - 1)]
            if levels.last.map({ level > $0 }) ?? true { levels.append(level) }
        }
        return levels
    }

    /// A blue-to-yellow ramp (close to viridis), `t` in [0, 1].
    static func levelColor(_ t: Double) -> String {
        let anchors: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
        let position = min(max(t, 0), 1) * Double(anchors.count - 1)
        let lower = min(Int(position), anchors.count - 2)
        let f = position - Double(lower)
        let (a, b) = (anchors[lower], anchors[lower + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * f).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    private static func label(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : SVGDocument.format(value)
    }
}

/// Contour lines of a function sampled on a regular grid (marching squares, with the segments joined into
/// polylines so a figure holds a few hundred lines rather than thousands of segments).
public enum ContourTracer {
    /// The polylines where the grid, linearly interpolated, equals `level`. Points are in grid
    /// coordinates: (i, j) is `grid[j][i]`, fractional in between.
    public static func lines(grid: [[Double]], level: Double) -> [[(Double, Double)]] {
        let rows = grid.count, columns = grid.first?.count ?? 0
        guard rows >= 2, columns >= 2 else { return [] }
        // Edge ids: horizontal edge (i, j)-(i+1, j) is j * columns + i; vertical edge (i, j)-(i, j+1) is
        // rows * columns + j * columns + i.
        let verticalBase = rows * columns
        func point(_ edge: Int) -> (Double, Double) {
            let vertical = edge >= verticalBase
            let index = vertical ? edge - verticalBase : edge
            let i = index % columns, j = index / columns
            let a = grid[j][i]
            let b = vertical ? grid[j + 1][i] : grid[j][i + 1]
            let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
            return vertical ? (Double(i), Double(j) + t) : (Double(i) + t, Double(j))
        }
        var segments = [(Int, Int)]()
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                let corners = [grid[j][i], grid[j][i + 1], grid[j + 1][i + 1], grid[j + 1][i]]
                guard corners.allSatisfy(\.isFinite) else { continue }
                let bottom = j * columns + i, top = (j + 1) * columns + i
                let leftEdge = verticalBase + j * columns + i, rightEdge = verticalBase + j * columns + i + 1
                var code = 0
                for (bit, value) in corners.enumerated() where value > level { code |= 1 << bit }
                switch code {
                case 0, 15: break
                case 1, 14: segments.append((leftEdge, bottom))
                case 2, 13: segments.append((bottom, rightEdge))
                case 3, 12: segments.append((leftEdge, rightEdge))
                case 4, 11: segments.append((rightEdge, top))
                case 6, 9: segments.append((bottom, top))
                case 7, 8: segments.append((leftEdge, top))
                default:
                    // Saddle (5 or 10): decide by the centre value.
                    let centreAbove = corners.reduce(0, +) / 4 > level
                    if (code == 5) == centreAbove {
                        segments.append((leftEdge, top))
                        segments.append((bottom, rightEdge))
                    } else {
                        segments.append((leftEdge, bottom))
                        segments.append((rightEdge, top))
                    }
                }
            }
        }
        var byEdge = [Int: [Int]]()
        for (index, segment) in segments.enumerated() {
            byEdge[segment.0, default: []].append(index)
            byEdge[segment.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines = [[(Double, Double)]]()
        for start in segments.indices where !used[start] {
            used[start] = true
            var chain = [segments[start].0, segments[start].1]
            for _ in 0..<2 {
                while let next = byEdge[chain[chain.count - 1]]?.first(where: { !used[$0] }) {
                    used[next] = true
                    let segment = segments[next]
                    chain.append(segment.0 == chain[chain.count - 1] ? segment.1 : segment.0)
                }
                chain.reverse()
            }
            lines.append(chain.map(point))
        }
        return lines
    }
}
