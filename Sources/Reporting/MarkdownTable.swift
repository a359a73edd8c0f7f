/// A table in Markdown (GitHub-flavoured pipes), readable as plain text too: what `mtrl plot` prints
/// and writes with `--table`.
public struct MarkdownTable: Sendable {
    /// Column headers.
    public var header: [String]
    /// Rows of cells; each row has as many cells as the header.
    public var rows: [[String]]

    /// A table of `rows` under `header`.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as Markdown: the header, a separator, then one line per row; columns padded to line
    /// up, and `|` inside cells escaped.
    public func render() -> String {
        let cells = ([header] + rows).map { row in row.map { $0.replacingPipes() } }
        let widths = header.indices.map { column in max(3, cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0) }
        func line(_ row: [String]) -> String {
            "| " + widths.indices.map { column in
                let cell = column < row.count ? row[column] : ""
                return cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: " | ") + " |"
        }
        let separator = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(cells[0]), separator] + cells.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}

private extension String {
    /// The text with each `|` escaped as `\|`, so it stays inside its Markdown cell.
    func replacingPipes() -> String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
