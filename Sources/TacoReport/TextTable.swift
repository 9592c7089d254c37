/// A plain-text table with aligned columns; numbers right-aligned. Width counts characters, not bytes. A table wider
/// than `TextTable.width` (the terminal's `$COLUMNS`, 120 when not a terminal; the CLI sets it per run) folds its
/// widest text columns onto continuation lines, at spaces where it can (an `estimate` cost line with
/// long component names can be hundreds of columns).
public struct TextTable: Sendable {
    public enum Align: Sendable { case left, right }
    /// The width the CLI renders for when stdout is not a terminal: 120 columns.
    public static let defaultWidth = 120
    /// A text column is never folded narrower than this: 16 characters keeps a word or a price on one line.
    public static let minimumColumn = 16
    /// The width tables fit in this task: the CLI binds it from `$COLUMNS` (or `defaultWidth`).
    @TaskLocal public static var width: Int = defaultWidth

    public var headers: [String]
    public var aligns: [Align]
    public var rows: [[String]] = []

    public init(_ headers: [String], aligns: [Align]? = nil) {
        self.headers = headers
        self.aligns = aligns ?? headers.map { _ in .left }
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render(indent: String = "  ") -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        fit(&widths, indent: indent.count)
        func line(_ cells: [String]) -> [String] {
            let folded = cells.enumerated().filter { $0.offset < widths.count }.map { i, cell in
                Self.fold(cell, width: widths[i])
            }
            let height = folded.map(\.count).max() ?? 1
            return (0..<height).map { k in
                var parts: [String] = []
                for (i, lines) in folded.enumerated() {
                    let cell = k < lines.count ? lines[k] : ""
                    let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                    parts.append(aligns[i] == .right ? pad + cell : cell + pad)
                }
                var s = indent + parts.joined(separator: "  ")
                while s.hasSuffix(" ") { s.removeLast() }
                return s
            }
        }
        var out = line(headers) + [indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        for row in rows { out += line(row) }
        return out.joined(separator: "\n")
    }

    /// Narrows the widest text column to the next-widest (or to what fits, at least `minimumColumn`), repeatedly,
    /// until the table fits `TextTable.width` or every text column is at `minimumColumn`: at most one step per
    /// column width, so linear in the number of columns.
    func fit(_ widths: inout [Int], indent: Int) {
        let limit = Self.width
        var total = indent + widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        while total > limit {
            var widest: Int?
            for i in widths.indices where aligns[i] == .left && widths[i] > Self.minimumColumn {
                if widest.map({ widths[i] > widths[$0] }) ?? true { widest = i }
            }
            guard let w = widest else { return }
            let target = max(Self.minimumColumn, widths[w] - (total - limit))
            let second = widths.indices.filter { $0 != w && aligns[$0] == .left }.map { widths[$0] }.max() ?? 0
            let next = max(target, min(widths[w] - 1, max(second, Self.minimumColumn)))
            total -= widths[w] - next
            widths[w] = next
        }
    }

    /// `cell` in lines of at most `width` characters, broken at the last space that fits, else hard. A cell with
    /// ANSI escapes is left whole (its escapes are not visible characters).
    static func fold(_ cell: String, width: Int) -> [String] {
        guard cell.count > width, width > 0, !cell.contains("\u{1B}") else { return [cell] }
        var out: [String] = []
        var rest = Substring(cell)
        while rest.count > width {
            let head = rest.prefix(width)
            if let space = head.lastIndex(of: " "), space > head.startIndex {
                out.append(String(rest[rest.startIndex..<space]))
                rest = rest[rest.index(after: space)...]
            } else {
                out.append(String(head))
                rest = rest.dropFirst(width)
            }
        }
        if !rest.isEmpty { out.append(String(rest)) }
        return out
    }
}

/// ANSI styling, used only when the output is a terminal and NO_COLOR is unset.
public struct Style: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }
    public func heading(_ s: String) -> String { enabled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    public func warn(_ s: String) -> String { enabled ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
    public func bad(_ s: String) -> String { enabled ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    public func good(_ s: String) -> String { enabled ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
    public func dim(_ s: String) -> String { enabled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}

/// Folds prose lines wider than `TextTable.width` at spaces, continuing under the line's own indent plus two
/// spaces, so a terminal report fits its width. Lines with ANSI escapes, table lines (a run of two
/// runs of two spaces after the indent: `TextTable` already fitted them as far as their numbers allow) and lines without a
/// space to break at stay whole.
public enum TextFold {
    public static func fold(_ text: String, width: Int = TextTable.width) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // A line of at most `width` bytes is at most `width` characters: most lines stop at this cheap test.
            guard line.utf8.count > width, line.count > width, !line.contains("\u{1B}") else {
                out.append(String(line))
                continue
            }
            let indentCount = line.prefix { $0 == " " }.count
            guard Self.gaps(line.dropFirst(indentCount)) <= 1 else {
                out.append(String(line))
                continue
            }
            let indent = String(repeating: " ", count: indentCount)
            let body = line.dropFirst(indent.count)
            let pieces = TextTable.fold(String(body), width: max(20, width - indent.count - 2))
            for (i, piece) in pieces.enumerated() { out.append((i == 0 ? indent : indent + "  ") + piece) }
        }
        return out.joined(separator: "\n")
    }

    /// Runs of two or more spaces in `s`: a table line has one between every pair of columns.
    static func gaps(_ s: Substring) -> Int {
        var count = 0
        var run = 0
        for c in s {
            if c == " " {
                run += 1
                if run == 2 { count += 1 }
            } else {
                run = 0
            }
        }
        return count
    }
}
