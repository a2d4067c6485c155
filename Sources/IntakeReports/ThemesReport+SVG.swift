import Foundation
import Plot

/// A horizontal bar chart as inline SVG: each category's label (with its count) on lines of
/// its own above its bar, so long labels wrap instead of running out of the chart. Bars are
/// sized in percent of the chart's width, so the chart fits any page width.
///
/// Plot does not escape attribute values: every attribute here is a number or a fixed word,
/// and the data (labels) go only into text nodes, which Plot escapes.
enum BarChartSVG {
    /// Characters per label line: 36 fit the narrowest page (a 360-pixel phone) at 13 px.
    static let lineCharacters = 36
    static let lineHeight = 17, barHeight = 12, gap = 12

    static func svg(_ chart: ThemesReport.Chart) -> Node<HTML.BodyContext> {
        let longest = max(1, chart.bars.map(\.count).max() ?? 1)
        var y = 0
        var nodes: [Node<HTML.BodyContext>] = []
        for bar in chart.bars {
            for line in wrap(label(bar, chart.scale), width: lineCharacters) {
                y += lineHeight
                nodes.append(.element(named: "text", nodes: [
                    .attribute(named: "x", value: "0"), .attribute(named: "y", value: String(y - 4)), .text(line),
                ]))
            }
            let share = chart.scale == .rate ? Double(bar.count) / Double(max(1, bar.of)) : Double(bar.count) / Double(longest)
            if bar.count > 0 {
                nodes.append(.element(named: "rect", nodes: [
                    .attribute(named: "class", value: "bar"), .attribute(named: "x", value: "0"),
                    .attribute(named: "y", value: String(y + 1)),
                    .attribute(named: "width", value: String(format: "%.2f%%", share * 100)),
                    .attribute(named: "height", value: String(barHeight)),
                ]))
            }
            y += barHeight + gap
        }
        return .element(named: "svg", nodes: [
            .attribute(named: "class", value: "chart"), .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "chart-\(chart.id)"),
            .attribute(named: "width", value: "100%"), .attribute(named: "height", value: String(y)),
        ] + nodes)
    }

    /// "Bolton: 12", or for a rate "March 2026: 2 of 3 (67 %)".
    static func label(_ bar: ThemesReport.Bar, _ scale: ThemesReport.Chart.Scale) -> String {
        switch scale {
        case .count: return "\(bar.category): \(bar.count)"
        case .rate: return "\(bar.category): \(bar.count) of \(bar.of) (\(Int((Double(bar.count) * 100 / Double(max(1, bar.of))).rounded())) %)"
        }
    }

    /// Lines of at most `width` characters, broken at spaces; a longer word is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            var rest = Substring(word)
            while rest.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            if line.isEmpty { line = String(rest) }
            else if line.count + 1 + rest.count <= width { line += " " + rest }
            else { lines.append(line); line = String(rest) }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
