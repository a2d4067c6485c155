import IntakeDocument
import IntakeMapping

/// Two rows run into one: "Role\nAgency | Nurse\nExample Trust", as a PDF exported from a
/// table with merged cells reads. Each label is a row of its own, its value the line beside
/// it; a label may have wrapped over two lines ("Position in relation to\nthe Board").
extension FieldLocator {
    typealias StackedRow = (match: LabelMatch, label: String, value: Paragraph)

    /// The label lines of cell `c` grouped into as many labels as the cell after it has value
    /// lines (at least two), each group surely labelling a different field that takes its
    /// value to the right; of several groupings, the surest.
    func stackedRows(_ unit: LayoutUnit, at c: Int, section: String?, taken: Set<String>, settled: Set<String>) -> [StackedRow]? {
        guard c + 1 < unit.cells.count else { return nil }
        let lines = unit.cells[c].paragraphs.map(\.text).filter { !$0.isBlank }
        let values = unit.cells[c + 1].paragraphs.filter { !$0.text.isBlank }
        guard values.count >= 2, lines.count >= values.count, lines.count <= Self.maxStackedLines,
              !lines.contains(where: { $0.contains(":") || $0.contains("?") }) else { return nil }
        var best: (rows: [StackedRow], score: Double)?
        for cuts in Self.groupings(of: lines.count, into: values.count) {
            var rows: [StackedRow] = []
            var used = taken
            for (group, value) in zip(cuts, values) {
                let label = lines[group].joined(separator: " ")
                guard let match = confidentRightMatch(label, section: section, taken: used, settled: settled) else { break }
                used.insert(match.field.key)
                rows.append((match, label, value))
            }
            guard rows.count == values.count else { continue }
            let score = rows.map(\.match.confidence).reduce(0, +)
            if score > (best?.score ?? 0) { best = (rows, score) }
        }
        return best?.rows
    }

    private func confidentRightMatch(_ label: String, section: String?, taken: Set<String>, settled: Set<String>) -> LabelMatch? {
        guard let match = matcher.field(for: label, section: section, taken: taken, settled: settled),
              match.confidence >= matcher.labels.words.lexicon.confidentThreshold, match.field.placements.contains(.right),
              match.field.type.isOneLine else { return nil }
        return match
    }

    /// Every way to cut `count` lines, in order, into `parts` non-empty runs.
    static func groupings(of count: Int, into parts: Int) -> [[Range<Int>]] {
        guard parts > 0, count >= parts else { return [] }
        if parts == 1 { return [[0..<count]] }
        var result: [[Range<Int>]] = []
        for first in 1...(count - parts + 1) {
            for rest in groupings(of: count - first, into: parts - 1) {
                result.append([0..<first] + rest.map { ($0.lowerBound + first)..<($0.upperBound + first) })
            }
        }
        return result
    }

    static let maxStackedLines = 6
}
